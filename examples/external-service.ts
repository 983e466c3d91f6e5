import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExternalService, ExternalServiceLocation, ExternalServiceProtocol, ExternalServiceResolution } from '../src';

/**
 * Walkthrough step 3: register httpbin.org in the mesh's service registry, so that workloads can
 * call it when the mesh's outbound policy is REGISTRY_ONLY.
 */
export class ExternalServiceChart extends Chart {
  /** httpbin.org, which step 4 routes through an egress gateway. */
  public readonly httpbin: ExternalService;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'default', disableResourceNameHashes: true });

    this.httpbin = httpbinService(this);
  }
}

/** httpbin.org in the mesh's service registry: the external service of steps 3 and 4. */
export function httpbinService(scope: Construct): ExternalService {
  return new ExternalService(scope, 'httpbin-ext', {
    hosts: ['httpbin.org'],
    ports: [{ number: 80, name: 'http', protocol: ExternalServiceProtocol.HTTP }],
    resolution: ExternalServiceResolution.DNS,
    location: ExternalServiceLocation.MESH_EXTERNAL,
  });
}
