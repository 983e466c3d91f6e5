import { IConstruct } from 'constructs';

/**
 * A map per cdk8s app, for objects there must be one of per app and key (one mesh VirtualService
 * per external host and namespace, say). Keyed by the app's root construct, so two apps in one
 * process never share entries.
 */
export class AppRegistry<T> {
  private readonly byApp = new WeakMap<IConstruct, Map<string, T>>();

  /**
   * The entry of `key` in the app that `scope` belongs to. The first call for a key makes it with
   * `create`; later calls hand the existing entry to `join`, which throws when the caller cannot
   * share it.
   */
  public findOrCreate(scope: IConstruct, key: string, create: () => T, join: (existing: T) => void): T {
    const entries = this.of(scope);
    const existing = entries.get(key);
    if (existing === undefined) {
      const created = create();
      entries.set(key, created);
      return created;
    }
    join(existing);
    return existing;
  }

  private of(scope: IConstruct): Map<string, T> {
    const root = scope.node.root;
    let entries = this.byApp.get(root);
    if (!entries) {
      entries = new Map();
      this.byApp.set(root, entries);
    }
    return entries;
  }
}
