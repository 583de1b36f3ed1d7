/** What the review page's tests share; the helpers themselves are every page test's (test/helpers/simulate.ts). */
export { settle, text, type Rendered } from '../../helpers/simulate';
