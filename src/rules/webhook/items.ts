import { Report } from './report';
import { listAt, objectAt } from './values';

/**
 * Runs `check` on each item of the list at `path` that is an object, with the item's path
 * (`spec.servers[0]`), and reports each other item, as Istio rejects a null item in any list.
 *
 * @param what the item as the message names it: `a server`
 */
export function forEachItem(
  report: Report,
  path: string,
  list: unknown,
  what: string,
  check: (item: { [key: string]: any }, itemPath: string, index: number) => void,
): void {
  listAt(list).forEach((value, index) => {
    const itemPath = `${path}[${index}]`;
    const item = objectAt(value);
    if (item) {
      check(item, itemPath, index);
    } else {
      report.error(itemPath, `${what} cannot be null`);
    }
  });
}
