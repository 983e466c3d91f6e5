import { SchemaNode } from './schema-node';

const STRING: SchemaNode = { type: 'string' };
const INTEGER: SchemaNode = { type: 'integer' };
const STRING_MAP: SchemaNode = { type: 'object', additionalProperties: STRING };
const OPEN_OBJECTS: SchemaNode = { type: 'array', items: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } };

/**
 * Kubernetes' ObjectMeta, as far as the rules read it: a CRD's schema declares `metadata` as a
 * bare object (or not at all), and the API server checks it with the built-in type instead.
 */
const OBJECT_META: SchemaNode = {
  type: 'object',
  properties: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: STRING,
    resourceVersion: STRING,
    generation: INTEGER,
    creationTimestamp: STRING,
    deletionTimestamp: STRING,
    deletionGracePeriodSeconds: INTEGER,
    labels: STRING_MAP,
    annotations: STRING_MAP,
    ownerReferences: OPEN_OBJECTS,
    finalizers: { type: 'array', items: STRING },
    managedFields: OPEN_OBJECTS,
  },
};

/** The fields every Kubernetes object has, checked as the API server checks them. */
const OBJECT_FIELDS = { apiVersion: STRING, kind: STRING, metadata: OBJECT_META };

/** `root` (a CRD version's schema) with the fields every object has. */
export function withObjectFields(root: SchemaNode): SchemaNode {
  return { ...root, type: 'object', properties: { ...root.properties, ...OBJECT_FIELDS } };
}

/** The schema of an object that no CRD describes: its object fields, and anything else. */
export const BUILT_IN_OBJECT: SchemaNode = {
  'type': 'object',
  'x-kubernetes-preserve-unknown-fields': true,
  'properties': OBJECT_FIELDS,
};
