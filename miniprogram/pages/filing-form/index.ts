import type { DetailEvent, FieldBlur, FieldChange } from '../../components/field-kit';
import { loadSession } from '../../services/session';
import { instanceState } from '../../utils/page-load';
import { FormController } from './controller';
import { initialData } from './form-data';

/**
 * 填写备案信息 `pages/filing-form/index?id=<id>[&field=<path>]`: the five steps of the form. The
 * page only forwards events; pages/filing-form/controller.ts does the work with core's rules and
 * the services. `field` (from a rejection reason's "去修改") opens the step holding that field.
 */

/** The page's controller, made on load: it does the work and is the one writer of the data. */
const local = instanceState<{ controller?: FormController }>(() => ({}));

function controllerOf(page: object): FormController | undefined {
  return local(page).controller;
}

Component({
  data: initialData(),
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void loadSession(); // submitting asks consent for the server's template ids inside the tap
      const controller = new FormController(this);
      local(this).controller = controller;
      void controller.load({ id: query.id, field: query.field });
    },
    onRetry() {
      controllerOf(this)?.retry();
    },
    onHide() {
      controllerOf(this)?.leave();
    },
    onUnload() {
      controllerOf(this)?.dispose();
    },
    onFieldChange(event: DetailEvent<FieldChange>) {
      controllerOf(this)?.change(event.detail);
    },
    onFieldBlur(event: DetailEvent<FieldBlur>) {
      controllerOf(this)?.blur(event.detail.path);
    },
    onRecognize(event: DetailEvent<{ path: string }>) {
      void controllerOf(this)?.prefill.recognize(event.detail.path);
    },
    onNext() {
      controllerOf(this)?.next();
    },
    onPrev() {
      controllerOf(this)?.goTo(this.data.active - 1);
    },
    onStepTap(event: DetailEvent<number>) {
      controllerOf(this)?.goTo(event.detail);
    },
    onJump(event: DetailEvent<{ path: string }>) {
      controllerOf(this)?.jump(event.detail.path);
    },
    onRecheck() {
      void controllerOf(this)?.runCheck();
    },
    /** Synchronous on purpose: the subscribe-consent sheet needs the tap's own call stack. */
    onSubmit() {
      controllerOf(this)?.submission.start();
    },
    onReloadLatest() {
      void controllerOf(this)?.reloadLatest();
    },
    onOpenProgress() {
      void wx.redirectTo({ url: `/pages/progress/index?id=${this.data.id}` });
    },
  },
});
