// Registers the case search attributes with a server that lacks them (test server, a new cluster namespace).
import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../schema/search-attributes.js';

const { temporal } = proto; // a CommonJS module: no named ESM exports

const TYPES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
} as const;

export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  // The time-skipping test server implements AddSearchAttributes but not ListSearchAttributes.
  const known = new Set(
    await connection.operatorService
      .listSearchAttributes({ namespace })
      .then((r) => Object.keys(r.customAttributes ?? {}))
      .catch((err: { code?: number }) => {
        if (err.code === 12) return []; // UNIMPLEMENTED
        throw err;
      }),
  );
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !known.has(name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, TYPES[type]])),
  });
  return missing.map(([name]) => name);
}
