import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { invalidInput } from '../private/errors';
import { IstioAnalysis } from '../analysis/istio-analysis';
import { ResolvedGatewayPort } from './gateway-port';

/**
 * A gateway workload: the Envoy pods that a Gateway's selector points at, and their Service.
 */
export interface IGatewayWorkload extends IConstruct {
  /** The labels of the workload's pods that a Gateway selects them by. */
  readonly selectorLabels: { [key: string]: string };

  /**
   * The namespace of the workload and its Service.
   * @default - unknown: the chart's namespace, or the one kubectl applies to
   */
  readonly namespace?: string;

  /**
   * The name of the workload's Service.
   * @default - unknown
   */
  readonly serviceName?: string;

  /** The ports the workload's Service exposes; empty when they are not known. */
  readonly ports: ResolvedGatewayPort[];

  /**
   * The cluster-local host of the workload's Service, such as
   * `egress.default.svc.cluster.local`.
   *
   * @throws when the Service name or namespace is not known
   */
  serviceHost(): string;
}

/**
 * What the shared workload code needs to know of a concrete workload.
 *
 * @internal
 */
export interface GatewayWorkloadBaseProps {
  /** The labels of the workload's pods. */
  readonly selectorLabels: { [key: string]: string };
  /**
   * The namespace of the workload and its Service.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * The name of the workload's Service.
   * @default - not known
   */
  readonly serviceName?: string;
  /** The ports of the workload's Service; empty when they are not known. */
  readonly ports: ResolvedGatewayPort[];
  /**
   * Whether the workload exists outside the app, known only by what is declared of it.
   * @default false
   */
  readonly existsOutsideApp?: boolean;
}

/**
 * The code every gateway workload shares, created or existing, ingress or egress. Internal:
 * jsii publishes its members as each subclass's own.
 *
 * @internal
 */
export abstract class GatewayWorkloadBase extends Construct implements IGatewayWorkload {
  private described?: GatewayWorkloadBaseProps;

  public get selectorLabels(): { [key: string]: string } {
    return { ...this.description.selectorLabels };
  }

  public get namespace(): string | undefined {
    return this.description.namespace ?? Chart.of(this).namespace;
  }

  public get serviceName(): string | undefined {
    return this.description.serviceName;
  }

  public get ports(): ResolvedGatewayPort[] {
    return [...this.description.ports];
  }

  /**
   * Whether the workload was declared to exist outside the app, for the synth-time analysis.
   * @internal
   */
  public get _existsOutsideApp(): boolean {
    return this.description.existsOutsideApp ?? false;
  }

  /**
   * Tells the shared code what the workload is. Called once by each subclass's constructor,
   * after it has created (or looked up) the workload under `this`.
   *
   * @internal
   */
  protected _describe(props: GatewayWorkloadBaseProps): void {
    // A chart may hold nothing but a gateway workload and L1 objects: it is analyzed all the same.
    IstioAnalysis.enable(this);
    this.described = props;
  }

  private get description(): GatewayWorkloadBaseProps {
    if (!this.described) {
      throw new Error(`${this.node.path}: gateway workload used before its constructor described it`);
    }
    return this.described;
  }

  public serviceHost(): string {
    if (this.serviceName === undefined) {
      throw invalidInput(this, 'serviceName', undefined, `the cluster-local host of gateway workload ${this.node.path} needs the name of its Service: give serviceName`);
    }
    if (this.namespace === undefined) {
      throw invalidInput(this, 'namespace', undefined, `the cluster-local host of gateway workload ${this.node.path} needs the namespace of its Service, and the chart has none: give namespace`);
    }
    return `${this.serviceName}.${this.namespace}.svc.cluster.local`;
  }
}
