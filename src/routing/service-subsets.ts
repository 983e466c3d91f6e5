import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { createIstioObject } from '../api-version';
import { invalidInput, rejectIf } from '../private/errors';
import { validateNamespace, validateObjectName } from '../private/names';
import { rejectRuleErrors } from '../private/release-target';
import { KubeObject } from '../rules/finding';
import { checkLabels } from '../rules/webhook/labels';
import { Report } from '../rules/webhook/report';
import { subsetNameProblem } from '../rules/webhook/destination';
import { Backend, resolveBackend } from './backend';
import { IstioAnalysis } from '../analysis/istio-analysis';

/** The subsets of one service that routes can split traffic between. */
export interface IServiceSubsets extends IConstruct {
  /** The service the subsets belong to. */
  readonly backend: Backend;

  /** True when a DestinationRule defines the subset `name` for the service. */
  hasSubset(name: string): boolean;

  /** The names of the subsets defined, in the order they were defined. */
  readonly subsetNames: string[];
}

/** Props of `ServiceSubsets`. */
export interface ServiceSubsetsProps {
  /** The service whose pods the subsets divide. */
  readonly backend: Backend;

  /**
   * The DestinationRule's name.
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * The DestinationRule's namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/** Props of subsets defined by a DestinationRule this app does not own. */
export interface ExistingServiceSubsetsProps {
  /** The service whose pods the subsets divide: the host of the DestinationRule. */
  readonly backend: Backend;

  /** The names of the subsets the DestinationRule defines. */
  readonly subsetNames: string[];
}

/**
 * Named subsets of a service's pods, selected by labels, for weighted routes such as canaries:
 * a DestinationRule for the service's host with one subset per `addSubset`.
 */
export class ServiceSubsets extends Construct implements IServiceSubsets {
  /**
   * Subsets defined by a DestinationRule that exists already, such as one another team owns.
   * Creates nothing; routes to other subset names fail at synth.
   */
  public static fromSubsetNames(scope: Construct, id: string, props: ExistingServiceSubsetsProps): IServiceSubsets {
    return new ExistingServiceSubsets(scope, id, props);
  }

  /** The DestinationRule (L1). */
  public readonly resource: ApiObject;

  /** The service whose pods the subsets divide. */
  public readonly backend: Backend;

  private readonly subsets = new Map<string, { [key: string]: string }>();

  constructor(scope: Construct, id: string, props: ServiceSubsetsProps) {
    super(scope, id);
    IstioAnalysis.enable(this);
    this.backend = props.backend;
    this.resource = createIstioObject(this, 'Resource', 'DestinationRule', {
      metadata: {
        name: validateObjectName(this, 'name', props.name ?? id),
        namespace: validateNamespace(this, 'namespace', props.namespace),
      },
      spec: {
        host: Lazy.any({ produce: () => resolveBackend(this, 'backend', this.backend).host }),
        subsets: Lazy.any({ produce: () => [...this.subsets].map(([name, labels]) => ({ name, labels })) }),
      },
    });
    this.node.addValidation({
      validate: () => (this.subsets.size === 0 ? [`${this.node.path}: no subsets: call addSubset at least once`] : []),
    });
  }

  public get subsetNames(): string[] {
    return [...this.subsets.keys()];
  }

  /**
   * Defines the subset `name` as the service's pods that carry `labels`.
   *
   * @param name a DNS-1123 label, such as `v1` or `canary`
   * @param labels pod labels, such as `{ version: 'v1' }`; none (`{}`) is every pod of the service
   */
  public addSubset(name: string, labels: { [key: string]: string }): void {
    rejectIf(this, 'subset name', name, subsetNameProblem(name));
    if (this.subsets.has(name)) {
      throw invalidInput(this, 'subset name', name, 'subset names must be unique in a DestinationRule');
    }
    // a subset without labels is every pod of the service, as Istio reads it
    rejectRuleErrors(this, { apiVersion: '', kind: 'Subset', labels }, checkSubsetLabels, () => `subsets["${name}"].labels`);
    this.subsets.set(name, { ...labels });
  }

  public hasSubset(name: string): boolean {
    return this.subsets.has(name);
  }
}

class ExistingServiceSubsets extends Construct implements IServiceSubsets {
  public readonly backend: Backend;
  private readonly names: Set<string>;

  constructor(scope: Construct, id: string, props: ExistingServiceSubsetsProps) {
    super(scope, id);
    this.backend = props.backend;
    props.subsetNames.forEach((name, i) => rejectIf(this, `subsetNames[${i}]`, name, subsetNameProblem(name)));
    this.names = new Set(props.subsetNames);
  }

  public get subsetNames(): string[] {
    return [...this.names];
  }

  public hasSubset(name: string): boolean {
    return this.names.has(name);
  }
}

function checkSubsetLabels(obj: KubeObject, report: Report): void {
  checkLabels(report, 'labels', obj.labels);
}
