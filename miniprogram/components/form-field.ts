import { followFocus } from './field-kit';
import { derivedView } from '../utils/set-data';

/**
 * What every field control shares: the form path it edits, the check's error and a reviewer's
 * reason shown at it, and the page's jump mark (`focusPath`). The control's anchor id and mark are
 * derived in its WXML with field.wxs; the observer only scrolls to it when the page jumps there.
 * What a control derives from its value it shows with `setChanged`, in one setData on attach
 * (`derivedView`). Controls add their own properties (value …) next to these, and a labelled one
 * takes `labelledField` below.
 */
export const formField = Behavior({
  behaviors: [derivedView],
  properties: {
    path: { type: String, value: '' },
    error: { type: String, value: '' },
    reason: { type: String, value: '' },
    focusPath: { type: String, value: '' },
  },
  observers: {
    'path, focusPath': followFocus,
  },
});

/**
 * A field control with a visible label: the label, and whether the cell marks it required. Five
 * controls (text, date, select, region, photo) take these two with `formField`.
 */
export const labelledField = Behavior({
  behaviors: [formField],
  properties: {
    label: { type: String, value: '' },
    required: { type: Boolean, value: false },
  },
});
