/** Finds the one object of `kind` named `name` among synthesized objects; fails when it is not one. */
export function findObject(objects: any[], kind: string, name: string): any {
  const found = objects.filter((o) => o.kind === kind && o.metadata?.name === name);
  if (found.length !== 1) {
    throw new Error(`expected one ${kind} named ${name}, found ${found.length} among ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  }
  return found[0];
}

/** The objects of `kind` among synthesized objects. */
export function objectsOfKind(objects: any[], kind: string): any[] {
  return objects.filter((o) => o.kind === kind);
}
