import { MAX_SERVICE_TYPES } from '@beian/core';
import { currentLookup } from '../../services/tables';
import { emitFieldChange } from '../field-kit';
import { formField } from '../form-field';
import { setChanged } from '../../utils/set-data';

/**
 * 服务内容类型: second-level types only (the first level just groups them), at most five. The
 * two-level list is shown with van-tree-select when the filer opens it.
 */

interface TreeItem {
  text: string;
  children: { text: string; id: number }[];
}

interface Chosen {
  id: number;
  name: string;
}

function treeItems(): TreeItem[] {
  return currentLookup()
    .serviceTypeGroups()
    .map((group) => ({
      text: group.name,
      children: group.types.map((type) => ({ text: type.name, id: type.id })),
    }));
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

Component({
  behaviors: [formField],
  properties: {
    value: { type: Array, value: [] },
  },
  data: {
    open: false,
    /** The popup is built on the first open, then kept (see the WXML). */
    mounted: false,
    items: [] as TreeItem[],
    groupIndex: 0,
    chosen: [] as Chosen[],
    max: MAX_SERVICE_TYPES,
  },
  observers: {
    value(value: unknown) {
      const lookup = currentLookup();
      setChanged(this, { chosen: numbers(value).map((id) => ({ id, name: lookup.serviceTypeName(id) })) });
    },
  },
  methods: {
    onOpen() {
      this.setData({
        open: true,
        mounted: true,
        items: this.data.items.length > 0 ? this.data.items : treeItems(),
      });
    },
    onClose() {
      this.setData({ open: false });
    },
    onGroup(event: { detail: { index: number } }) {
      this.setData({ groupIndex: event.detail.index });
    },
    onItem(event: { detail: { id: number } }) {
      this.toggle(event.detail.id);
    },
    onRemove(event: { currentTarget: { dataset: { id: number } } }) {
      this.toggle(event.currentTarget.dataset.id);
    },
    toggle(id: number) {
      const current = numbers(this.data.value);
      if (current.includes(id)) {
        emitFieldChange(
          this,
          this.data.path,
          current.filter((chosen) => chosen !== id),
        );
        return;
      }
      if (current.length >= MAX_SERVICE_TYPES) {
        void wx.showToast({ title: `最多选择 ${MAX_SERVICE_TYPES} 项，请先取消一项`, icon: 'none' });
        return;
      }
      emitFieldChange(this, this.data.path, [...current, id]);
    },
  },
});
