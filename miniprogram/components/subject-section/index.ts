import { isPersonalSubject } from '@beian/core';
import { currentLookup, currentTables } from '../../services/tables';
import type { SelectOption } from '../select-field/index';
import { setChanged } from '../../utils/set-data';
import { formSection } from '../form-section';

/**
 * 主体信息: who files (主体性质, name, certificate), where (region and mailing address). For a
 * personal subject the certificate is the filer's own ID, entered once in the principal step
 * (normalizeForm copies its type, number and photo here); only the printed 住址 is asked here.
 */
function subjectTypeOptions(): SelectOption[] {
  return currentTables().subjectTypes.map((type) => ({ value: type.id, text: type.name }));
}

Component({
  behaviors: [formSection],
  properties: {
    subject: { type: Object, value: {} },
  },
  data: {
    subjectTypeOptions: subjectTypeOptions(),
    certificateOptions: [] as SelectOption[],
    personal: false,
  },
  observers: {
    // Fires whenever `subject` is set, i.e. on every keystroke in the section; sends nothing
    // unless the type (and with it the person/organisation layout) actually changed.
    'subject.type': function (type: unknown) {
      // The options follow the tables too: sent only if they changed since the section loaded.
      setChanged(this, {
        subjectTypeOptions: subjectTypeOptions(),
        personal: isPersonalSubject(type),
        certificateOptions: currentLookup()
          .certificateTypesFor(type)
          .map((c) => ({ value: c.id, text: c.name })),
      });
    },
  },
});
