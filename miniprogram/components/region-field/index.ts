import type { AreaList, Region } from '@beian/core';
import { currentLookup, currentTables } from '../../services/tables';
import { emitFieldChange } from '../field-kit';
import { labelledField } from '../form-field';
import { setChanged } from '../../utils/set-data';

/**
 * 省/市/区 with van-area. The tree is WeChat's current one (services/tables.ts), or core's bundled
 * copy offline; it is handed to the picker only when the popup opens, so the step renders without it.
 */

interface AreaColumn {
  code: string;
  name: string;
}

function regionText(region: Partial<Region> | null): string {
  if (!region?.province) return '';
  const lookup = currentLookup();
  return [region.province, region.city, region.district]
    .map((code) => lookup.regionName(code))
    .filter((name) => name !== '')
    .join(' / ');
}

const EMPTY_AREA: AreaList = { province_list: {}, city_list: {}, county_list: {} };

Component({
  behaviors: [labelledField],
  properties: {
    value: { type: Object, value: {} },
  },
  data: { text: '', open: false, mounted: false, areaList: EMPTY_AREA, selected: '' },
  observers: {
    value(value: Partial<Region> | null) {
      setChanged(this, { text: regionText(value) });
    },
  },
  methods: {
    onOpen() {
      const region = this.data.value as Partial<Region> | null;
      this.setData({
        open: true,
        mounted: true,
        areaList: currentTables().regions,
        selected: region?.district ?? region?.city ?? '',
      });
    },
    onClose() {
      this.setData({ open: false });
    },
    onConfirm(event: { detail: { values: AreaColumn[] } }) {
      const [province, city, district] = event.detail.values;
      this.setData({ open: false });
      const region: Region = {
        province: province?.code ?? '',
        city: city?.code ?? '',
        district: district?.code ?? '',
      };
      emitFieldChange(this, this.data.path, region);
    },
  },
});
