import { IConstruct } from 'constructs';
import { invalidInput } from './errors';

/**
 * The one item of `items`, for a prop that defaults to the only port or host there is; throws
 * when there are none or several, asking for `field` to be set.
 *
 * @param whatToName what the owner has and what to name, computed only for the error
 */
export function onlyItem<T>(scope: IConstruct, field: string, items: readonly T[], whatToName: () => string): T {
  if (items.length !== 1) {
    throw invalidInput(scope, field, undefined, whatToName());
  }
  return items[0];
}
