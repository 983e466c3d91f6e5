import { CRD_SCHEMA_INDEX, CRD_SCHEMA_TEXTS } from '../../../imports/crd-schemas';
import { SchemaNode } from './schema-node';

/**
 * The one place the rule set reads data from outside `src/rules`: the CRDs' structural schemas,
 * generated into `imports/` by `npm run import`.
 */

/** The schema of `apiVersion kind`, or undefined when no CRD serves it. Each schema text is parsed once. */
export function crdSchemaOf(apiVersion: string, kind: string): SchemaNode | undefined {
  const position = CRD_SCHEMA_INDEX[`${apiVersion} ${kind}`];
  if (position === undefined) {
    return undefined;
  }
  let schema = parsed[position];
  if (schema === undefined) {
    schema = JSON.parse(CRD_SCHEMA_TEXTS[position]) as SchemaNode;
    parsed[position] = schema;
  }
  return schema;
}

const parsed: Array<SchemaNode | undefined> = [];
