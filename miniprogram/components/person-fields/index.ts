import { INDIVIDUAL_CERTIFICATE_TYPES } from '@beian/core';
import type { SelectOption } from '../select-field/index';

/**
 * The fields every person in charge (负责人) has, used by both principal steps under their own
 * base path: identity document, validity, the two sides of the document, and how to reach them.
 * Principals may only present an individual's certificate (filing-rules.md §2.3).
 */
const CERTIFICATE_OPTIONS: SelectOption[] = INDIVIDUAL_CERTIFICATE_TYPES.map((type) => ({
  value: type.id,
  text: type.name,
}));

Component({
  properties: {
    /** `subject.principal` or `miniprogram.principal`. */
    base: { type: String, value: '' },
    person: { type: Object, value: {} },
    errors: { type: Object, value: {} },
    reasons: { type: Object, value: {} },
    focusPath: { type: String, value: '' },
  },
  data: { certificateOptions: CERTIFICATE_OPTIONS },
});
