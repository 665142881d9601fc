// The number of a document a case issues (a decision), allocated once per key: a retried activity gets the same.
import type { Db } from '../../platform/db.js';
import { allocateDocumentNumber, type DocumentKind } from '../../services/document-numbers.js';

export interface DocumentNumberRequest {
  /** `<case number>:<document>:<round>`: the same request always gets the same number. */
  key: string;
  unitId: string;
  kind: DocumentKind;
  year: number;
}

export function allocateDocumentNumberActivity(db: Db) {
  return function documentNumber(req: DocumentNumberRequest): Promise<string> {
    return allocateDocumentNumber(db, req);
  };
}
