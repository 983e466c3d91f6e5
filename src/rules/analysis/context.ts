import { NamespaceHosts } from '../host-ownership';
import { MeshConfig } from '../mesh-config';
import { MeshIndex } from '../mesh-index';
import { Assumptions } from './assumptions';

/** What every analyzer reads: the index of the input and the analysis options. */
export interface AnalysisContext {
  readonly index: MeshIndex;
  /**
   * When true, a destination host, a DestinationRule host or a credential Secret that the input
   * does not declare is taken to exist outside it, and so are the subsets of a host that no
   * DestinationRule of the input is for.
   */
  readonly assumeHostsAndSecretsExist: boolean;
  /** The mesh config, as istioctl's `--meshConfigFile` gives it. */
  readonly meshConfig: MeshConfig;
  /** The time certificates are judged at. */
  readonly now: Date;
  /** Where analyzers record what they took to exist instead of reporting it. */
  readonly assumed: Assumptions;
  /** The hosts each policed namespace owns; empty when no namespace is policed. */
  readonly hostOwnership: readonly NamespaceHosts[];
}
