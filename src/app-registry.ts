import { IConstruct } from 'constructs';

/**
 * A map per cdk8s app, for objects there must be one of per app and key (one mesh VirtualService
 * per external host and namespace, say). Keyed by the app's root construct, so two apps in one
 * process never share entries.
 */
export class AppRegistry<T> {
  private readonly byApp = new WeakMap<IConstruct, Map<string, T>>();

  /** The entries of the app that `scope` belongs to. */
  public of(scope: IConstruct): Map<string, T> {
    const root = scope.node.root;
    let entries = this.byApp.get(root);
    if (!entries) {
      entries = new Map();
      this.byApp.set(root, entries);
    }
    return entries;
  }
}
