import { IConstruct } from 'constructs';
import { invalidInput } from '../../private/errors';
import type { IExternalService, ResolvedExternalServicePort } from '../external-service';

/**
 * The port `number` of the external service, for `requester`'s prop `field`.
 *
 * @throws naming `requester` and `field` when the service does not declare the port
 */
export function findServicePort(service: IExternalService, requester: IConstruct, field: string, number: number): ResolvedExternalServicePort {
  const ports = service.ports;
  const found = ports.find((p) => p.number === number);
  if (!found) {
    throw invalidInput(requester, field, number, `external service ${service.node.path} declares ${ports.map((p) => `${p.number} (${p.name}, ${p.protocol})`).join(', ')}`);
  }
  return found;
}
