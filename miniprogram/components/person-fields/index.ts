import { SUBJECT_TYPE } from '@beian/core';
import { currentLookup } from '../../services/tables';
import type { SelectOption } from '../select-field/index';
import { setChanged } from '../../utils/set-data';
import { formSection } from '../form-section';

/**
 * The fields every person in charge (负责人) has, used by both principal steps under their own
 * base path: identity document, validity, the two sides of the document, and how to reach them.
 * Principals may only present an individual's certificate (docs/domain.md § Photos and letters).
 */
function certificateOptions(): SelectOption[] {
  return currentLookup()
    .certificateTypesFor(SUBJECT_TYPE.personal)
    .map((type) => ({ value: type.id, text: type.name }));
}

Component({
  behaviors: [formSection],
  properties: {
    /** `subject.principal` or `miniprogram.principal`. */
    base: { type: String, value: '' },
    person: { type: Object, value: {} },
  },
  data: { certificateOptions: certificateOptions() },
  lifetimes: {
    // The tables may have been refreshed since this module loaded: nothing is sent if not.
    attached() {
      setChanged(this, { certificateOptions: certificateOptions() });
    },
  },
});
