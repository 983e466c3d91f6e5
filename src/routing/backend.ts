import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { FieldError, inField, rejectFieldIf } from '../private/errors';
import { destinationPortProblem } from '../rules/analysis/virtualservice-destinations';
import { destinationHostProblem } from '../rules/webhook/destination';
import { portProblem } from '../rules/webhook/net';

/** Where a route sends traffic: a host and a port. */
export interface BackendConfig {
  /** The destination host, for example `echo.default.svc.cluster.local`. */
  readonly host: string;
  /** The destination port. */
  readonly port: number;
}

/** Options of a backend that is a cdk8s-plus Service. */
export interface ServiceBackendOptions {
  /**
   * The Service port to send traffic to.
   * @default - the Service's only port; required when it has several
   */
  readonly port?: number;
}

/**
 * The service a route sends traffic to.
 */
export abstract class Backend {
  /**
   * A backend named by host and port: a Service in another chart or repository, or a host from
   * a ServiceEntry, which may be a wildcard host the ServiceEntry declares (`*.example.com`).
   */
  public static fromHost(host: string, port: number): Backend {
    return new HostBackend(host, port);
  }

  /**
   * A cdk8s-plus Service: its cluster-local host is derived from its name and namespace, and
   * its port from its ports.
   */
  public static fromService(service: kplus.Service, options: ServiceBackendOptions = {}): Backend {
    return new ServiceBackend(service, options);
  }

  /**
   * Resolves the backend's host and port. Called at synth, when a Service has all its ports.
   *
   * @param scope the construct that routes to this backend
   */
  public abstract bind(scope: IConstruct): BackendConfig;
}

class HostBackend extends Backend {
  constructor(private readonly host: string, private readonly port: number) {
    super();
  }

  public bind(_scope: IConstruct): BackendConfig {
    rejectFieldIf('host', this.host, destinationHostProblem(this.host));
    rejectFieldIf('port', this.port, portProblem(this.port));
    return { host: this.host, port: this.port };
  }
}

class ServiceBackend extends Backend {
  constructor(private readonly service: kplus.Service, private readonly options: ServiceBackendOptions) {
    super();
  }

  public bind(_scope: IConstruct): BackendConfig {
    const namespace = this.service.metadata.namespace ?? Chart.of(this.service).namespace;
    if (namespace === undefined) {
      throw new FieldError('service', this.service.name, `service ${this.service.node.path} has no namespace, so its cluster-local host is unknown: set metadata.namespace on the Service or a namespace on its chart`);
    }
    const host = `${this.service.name}.${namespace}.svc.cluster.local`;
    return { host, port: this.servicePort(host) };
  }

  /** The port the route names: the VirtualService destination rule's verdict, and the only port by default. */
  private servicePort(host: string): number {
    const ports = this.service.ports.map((p) => p.port);
    const wanted = this.options.port;
    const problem = destinationPortProblem(host, ports, wanted);
    rejectFieldIf('port', wanted, problem === undefined || wanted !== undefined ? problem : `${problem} Name one with Backend.fromService(service, { port }).`);
    if (wanted === undefined && ports.length === 0) {
      throw new FieldError('port', undefined, `service ${this.service.name} exposes no ports: give it one`);
    }
    return wanted ?? ports[0];
  }
}

/** The host and port of `backend`, which `scope` holds in its prop `field`, named in errors. */
export function resolveBackend(scope: IConstruct, field: string, backend: Backend): BackendConfig {
  return inField(scope, field, () => backend.bind(scope));
}
