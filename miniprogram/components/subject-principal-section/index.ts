import { isPersonalSubject } from '@beian/core';
import { emitFieldChange } from '../field-kit';
import { setChanged } from '../../utils/set-data';
import { formSection } from '../form-section';

/**
 * 主体负责人. For a personal subject it is the filer (prefilled from the subject step). For an
 * organisation it is normally the legal representative; when it is not, the legal representative
 * and an authorization letter are asked for (docs/domain.md § Checks across fields and records).
 */
Component({
  behaviors: [formSection],
  properties: {
    subject: { type: Object, value: {} },
  },
  data: { personal: false },
  observers: {
    // Fires on every keystroke in the section (`subject` is set again); sends only a new answer.
    'subject.type': function (type: unknown) {
      setChanged(this, { personal: isPersonalSubject(type) });
    },
  },
  methods: {
    onLegalRepresentative(event: { detail: boolean }) {
      emitFieldChange(this, 'subject.principal.isLegalRepresentative', event.detail);
    },
  },
});
