// One kind of enforcement document: its title, its number series, the steps of a case that call for it, and how
// it is made from the case's recorded facts.
import type { DocumentBody, DocumentKind } from '../../schema/document.js';
import type { CaseFacts, Step } from './facts.js';

export interface KindSpec {
  kind: DocumentKind;
  title: string;
  /** The word of its number series: `<unit code>市监<series>〔<year>〕<n>号`. */
  series: string;
  /** The steps that call for the document, one document each (e.g. each seizure has its decision). */
  anchors(f: CaseFacts): Step[];
  /** A number the document already has: the decision's (allocated when it was made), the pre-printed form's. */
  fixedNumber?(f: CaseFacts, anchor: Step): string | undefined;
  build(f: CaseFacts, anchor: Step, number: string): DocumentBody;
  /** The steps of the procedure that record the document's service (送达). */
  servedBy?(f: CaseFacts, anchor: Step): Step[];
}
