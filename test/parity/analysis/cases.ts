/**
 * Every case of Istio's analyzer test table (pkg/config/analysis/analyzers/analyzers_test.go,
 * `testGrid` of TestAnalyzers, at the commit in UPSTREAM_COMMIT), in the table's order: applicable
 * ones with the fixture that re-expresses their testdata and the findings upstream expects,
 * inapplicable ones with the reason.
 */

/** The Istio commit the cases were learned from (master of 2026-08-22). */
export const UPSTREAM_COMMIT = '86c9f01fd735fb01d8192f5bcaf0d424afb7f14c';

/** An upstream case whose analyzer the project implements (or must) and whose kinds it reads. */
export interface ApplicableCase {
  /** The case's `name` in the upstream table (not unique there: `testdata` tells them apart). */
  readonly upstream: string;
  /** The case's input files, relative to pkg/config/analysis/analyzers/. */
  readonly testdata: readonly string[];
  /** The upstream analyzer the case runs. */
  readonly analyzer: string;
  /** The fixture in fixtures/ (without `.yaml`) that re-expresses the testdata. */
  readonly fixture: string;
  /**
   * The codes that analyzer reports which the project implements or must implement. Only these
   * are compared: upstream runs that analyzer alone, the project runs them all.
   */
  readonly codes: readonly string[];
  /** The findings upstream expects, restricted to `codes`: `CODE Kind namespace/name`. */
  readonly expected: readonly string[];
  /**
   * The mesh config file in mesh-configs/ (without `.yaml`) that re-expresses the case's
   * `meshConfigFile`, read with `parseMeshConfig` and given as the `meshConfig` option.
   * @default - none: Istio's default mesh config
   */
  readonly meshConfig?: string;
}

/** An upstream case the suite does not run, and why. */
export interface InapplicableCase {
  readonly upstream: string;
  readonly testdata: readonly string[];
  readonly analyzer: string;
  readonly reason: string;
}

const GATEWAY_PORTS = 'gateway.IngressGatewayPortAnalyzer';
const GATEWAY_SECRETS = 'gateway.SecretAnalyzer';
const CONFLICTING_GATEWAYS = 'gateway.ConflictingGatewayAnalyzer';
const DESTINATION_HOSTS = 'virtualservice.DestinationHostAnalyzer';
const VS_GATEWAYS = 'virtualservice.GatewayAnalyzer';
const CA_CERTIFICATES = 'destinationrule.CaCertificateAnalyzer';
const PODS_NOT_SELECTED = 'destinationrule.PodNotSelectedAnalyzer';
const SE_ADDRESSES = 'serviceentry.ProtocolAddressesAnalyzer';
const SE_PROTOCOLS = 'serviceentry.ConflictingServiceEntryProtocolAnalyzer';
const PORT_NAMES = 'service.PortNameAnalyzer';
const APPLICATION_UID = 'deployment.ApplicationUIDAnalyzer';
const SERVICE_ASSOCIATION = 'deployment.ServiceAssociationAnalyzer';

function applicable(upstream: string, testdata: string[], analyzer: string, codes: string[], expected: string[], fixture?: string, meshConfig?: string): ApplicableCase {
  return { upstream, testdata, analyzer, fixture: fixture ?? fixtureOf(testdata[0]), codes, expected, ...(meshConfig ? { meshConfig } : {}) };
}

function inapplicable(upstream: string, testdata: string[], analyzer: string, reason: string): InapplicableCase {
  return { upstream, testdata, analyzer, reason };
}

function fixtureOf(testdata: string): string {
  return testdata.replace(/^testdata\//, '').replace(/\.yaml$/, '');
}

const ALPHA = 'maturity.AlphaAnalyzer (IST0136): not among the analyzers `istioctl analyze` runs (left out of its default set, `analyzers.All`, as too noisy); the project reports what istioctl analyze reports';
const CONTROL_PLANE = 'reads webhook configurations of an external control plane: kinds the analysis does not read';
const INJECTION = 'sidecar injection analyzer (IST0102, IST0103, IST0123, IST0148): reads the injector ConfigMap (istio-sidecar-injector) for enableNamespacesByDefault: ConfigMap is a kind the analysis does not read';
const INJECTION_NO_CONFIG_MAP = 'sidecar injection analyzer (IST0102, IST0103, IST0123): its input here is Namespaces and Pods, kinds the analysis reads, but the analyzer judges the injection of the whole mesh and reads the injector ConfigMap where there is one; not implemented yet (a gap, not a kind not read)';
const INJECTION_IMAGES = 'sidecar image analyzer (IST0158): reads the injector ConfigMap and the mesh config\'s proxy images: ConfigMap is a kind the analysis does not read';
const IMAGE_AUTO = 'image: auto analyzer (IST0146, IST0147): reads MutatingWebhookConfigurations to tell injected namespaces: a kind the analysis does not read';
const ENVOY_FILTER = 'EnvoyFilter analyzer: kind not read';
const TELEMETRY = 'Telemetry analyzers: kind not read';

/** The cases the suite runs. */
export const APPLICABLE_CASES: readonly ApplicableCase[] = [
  applicable('misannoted', ['testdata/misannotated.yaml'], 'annotations.K8sAnalyzer', ['IST0107', 'IST0108', 'IST0125', 'IST0135'], [
    'IST0108 Service default/httpbin',
    'IST0125 Pod default/invalid-annotations',
    'IST0107 Pod default/grafana-test',
    'IST0107 Deployment default/fortio-deploy',
    'IST0107 Namespace staging',
    'IST0135 Deployment default/fortio-deploy',
  ]),
  applicable('deprecation', ['testdata/deprecation.yaml'], 'deprecation.FieldAnalyzer', ['IST0002'], [
    'IST0002 VirtualService foo/productpage',
    'IST0002 Sidecar default/no-selector',
  ]),
  applicable('gatewayNoWorkload', ['testdata/gateway-no-workload.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], [
    'IST0101 Gateway default/httpbin-gateway',
  ]),
  applicable('gatewayBadPort', ['testdata/gateway-no-port.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], [
    'IST0162 Gateway default/httpbin-gateway',
  ]),
  applicable('gatewayCorrectPort', ['testdata/gateway-correct-port.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], []),
  applicable('gatewayCustomIngressGateway', ['testdata/gateway-custom-ingressgateway.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], []),
  applicable('gatewayCustomIngressGatewayBadPort', ['testdata/gateway-custom-ingressgateway-badport.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], [
    'IST0162 Gateway default/httpbin-gateway',
  ]),
  applicable('gatewayCustomIngressGatewayBadPortWithoutTarget', ['testdata/gateway-custom-ingressgateway-badport-notarget.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], [
    'IST0162 Gateway default/httpbin-gateway',
  ]),
  applicable('gatewayCustomIngressGatewayTranslation', ['testdata/gateway-custom-ingressgateway-translation.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], []),
  applicable('gatewayServiceMatchPod', ['testdata/gateway-custom-ingressgateway-svcselector.yaml'], GATEWAY_PORTS, ['IST0101', 'IST0162'], [
    'IST0162 Gateway default/httpbin8002-gateway',
  ]),
  applicable('gatewaySecret', ['testdata/gateway-secrets.yaml'], GATEWAY_SECRETS, ['IST0101', 'IST0161'], [
    'IST0101 Gateway default/defaultgateway-bogusCredentialName',
    'IST0101 Gateway default/customgateway-wrongnamespace',
    'IST0101 Gateway default/bogusgateway',
  ]),
  applicable('gatewaySecretValidations', ['testdata/gateway-secrets-validation.yaml'], GATEWAY_SECRETS, ['IST0101', 'IST0161'], [
    'IST0161 Gateway default/defaultgateway-invalid-keys',
    'IST0161 Gateway default/defaultgateway-missing-keys',
    'IST0161 Gateway default/defaultgateway-invalid-cert',
    'IST0161 Gateway default/defaultgateway-expired',
  ]),
  applicable('conflicting gateways detect', ['testdata/conflicting-gateways.yaml'], CONFLICTING_GATEWAYS, ['IST0101', 'IST0145'], [
    'IST0145 Gateway default/alpha',
    'IST0145 Gateway default/beta',
  ]),
  applicable('gateways with different port are non-conflicting', ['testdata/gateway-different-port.yaml'], CONFLICTING_GATEWAYS, ['IST0101', 'IST0145'], []),
  applicable('conflicting gateways with multiple port declarations', ['testdata/conflicting-gateways-multiple-ports.yaml'], CONFLICTING_GATEWAYS, ['IST0101', 'IST0145'], [
    'IST0145 Gateway default/alpha',
    'IST0145 Gateway default/beta',
  ]),
  applicable('conflicting gateways detect by sub selector', ['testdata/conflicting-gateways-subSelector.yaml'], CONFLICTING_GATEWAYS, ['IST0101', 'IST0145'], [
    'IST0145 Gateway default/alpha',
    'IST0145 Gateway default/beta',
  ]),
  applicable('conflicting gateways detect: no port', ['testdata/conflicting-gateways-invalid-port.yaml'], CONFLICTING_GATEWAYS, ['IST0101', 'IST0145'], []),
  applicable('portNameNotFollowConvention', ['testdata/service-no-port-name.yaml'], PORT_NAMES, ['IST0118', 'IST0150'], [
    'IST0118 Service my-namespace1/my-service1',
    'IST0118 Service my-namespace2/my-service2',
  ]),
  applicable('namedPort', ['testdata/service-port-name.yaml'], PORT_NAMES, ['IST0118', 'IST0150'], []),
  applicable('unnamedPortInSystemNamespace', ['testdata/service-no-port-name-system-namespace.yaml'], PORT_NAMES, ['IST0118', 'IST0150'], []),
  applicable('sidecarDefaultSelector', ['testdata/sidecar-default-selector.yaml'], 'sidecar.SelectorAnalyzer', ['IST0101', 'IST0110', 'IST0111'], [
    'IST0111 Sidecar ns2/has-conflict-2',
    'IST0111 Sidecar ns2/has-conflict-1',
  ]),
  applicable('sidecarSelector', ['testdata/sidecar-selector.yaml'], 'sidecar.SelectorAnalyzer', ['IST0101', 'IST0110', 'IST0111'], [
    'IST0101 Sidecar default/maps-to-nonexistent',
    'IST0101 Sidecar other/maps-to-different-ns',
    'IST0110 Sidecar default/dupe-1',
    'IST0110 Sidecar default/dupe-2',
    'IST0110 Sidecar default/overlap-1',
    'IST0110 Sidecar default/overlap-2',
  ]),
  applicable('virtualServiceConflictingMeshGatewayHosts', ['testdata/virtualservice_conflictingmeshgatewayhosts.yaml'], 'virtualservice.ConflictingMeshGatewayHostsAnalyzer', ['IST0109'], [
    'IST0109 VirtualService team3/ratings',
    'IST0109 VirtualService team4/ratings',
    'IST0109 VirtualService foo/ratings',
    'IST0109 VirtualService bar/ratings',
    'IST0109 VirtualService foo/productpage',
    'IST0109 VirtualService foo/bogus-productpage',
    'IST0109 VirtualService team2/ratings',
  ]),
  applicable('virtualServiceConflictingMeshGatewayHostsWithExportTo', ['testdata/virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml'], 'virtualservice.ConflictingMeshGatewayHostsAnalyzer', ['IST0109'], [
    'IST0109 VirtualService foo/productpage',
    'IST0109 VirtualService bar/productpage',
    'IST0109 VirtualService foo/productpage-c',
    'IST0109 VirtualService bar/productpage-c',
    'IST0109 VirtualService foo/productpage-d',
    'IST0109 VirtualService bar/productpage-d',
  ]),
  applicable('virtualServiceDestinationHosts', ['testdata/virtualservice_destinationhosts.yaml'], DESTINATION_HOSTS, ['IST0101', 'IST0112', 'IST0140'], [
    'IST0101 VirtualService default/reviews-bogushost',
    'IST0101 VirtualService default/reviews-bookinfo-other',
    'IST0101 VirtualService default/reviews-mirror-bogushost',
    'IST0101 VirtualService default/reviews-bogusport',
    'IST0112 VirtualService default/reviews-2port-missing',
    'IST0101 VirtualService istio-system/cross-namespace-details',
    'IST0101 VirtualService hello/hello-export-to-bogus',
  ]),
  applicable('virtualServiceDestinationRules', ['testdata/virtualservice_destinationrules.yaml'], 'virtualservice.DestinationRuleAnalyzer', ['IST0101'], [
    'IST0101 VirtualService default/reviews-bogussubset',
    'IST0101 VirtualService default/reviews-mirror-bogussubset',
  ]),
  applicable('virtualServiceGateways', ['testdata/virtualservice_gateways.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0101 VirtualService default/httpbin-bogus',
    'IST0132 VirtualService default/cross-test',
    'IST0132 VirtualService default/httpbin-bogus',
    'IST0132 VirtualService default/httpbin',
  ]),
  applicable('virtualServiceKubernetesGateways', ['testdata/virtualservice_kubernetes_gateways.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0132 VirtualService default/my-vs-host-mismatch',
  ]),
  applicable('virtualServiceInternalGatewayRef', ['testdata/virtualservice_internal_gateway_ref.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0165 VirtualService default/httpbin',
  ]),
  applicable('authorizationpolicies', ['testdata/authorizationpolicies.yaml'], 'authz.AuthorizationPoliciesAnalyzer', ['IST0101', 'IST0127'], [
    'IST0127 AuthorizationPolicy istio-system/meshwide-httpbin-v1',
    'IST0127 AuthorizationPolicy httpbin-empty/httpbin-empty-namespace-wide',
    'IST0127 AuthorizationPolicy httpbin/httpbin-nopods',
    'IST0101 AuthorizationPolicy httpbin/httpbin-bogus-ns',
    'IST0101 AuthorizationPolicy httpbin/httpbin-bogus-ns',
    'IST0101 AuthorizationPolicy httpbin/httpbin-bogus-not-ns',
    'IST0101 AuthorizationPolicy httpbin/httpbin-bogus-not-ns',
    'IST0127 AuthorizationPolicy test-ambient/no-workload',
  ]),
  applicable('serviceMultipleDeployments', ['testdata/deployment-multi-service.yaml'], SERVICE_ASSOCIATION, ['IST0116', 'IST0137'], [
    'IST0116 Deployment bookinfo/multiple-svc-multiple-prot',
    'IST0116 Deployment bookinfo/multiple-without-port',
    'IST0137 Deployment bookinfo/conflicting-ports',
  ]),
  applicable('deploymentMultiServicesInDifferentNamespace', ['testdata/deployment-multi-service-different-ns.yaml'], SERVICE_ASSOCIATION, ['IST0116', 'IST0137'], []),
  applicable('serviceWithNoSelector', ['testdata/deployment-service-no-selector.yaml'], SERVICE_ASSOCIATION, ['IST0116', 'IST0137'], []),
  applicable('destinationrule with no cacert, simple at destinationlevel', ['testdata/destinationrule-simple-destination.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0128 DestinationRule default/db-tls',
  ]),
  applicable('destinationrule with no cacert, mutual at destinationlevel', ['testdata/destinationrule-mutual-destination.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0128 DestinationRule default/db-mtls',
  ]),
  applicable('destinationrule with no cacert, simple at portlevel', ['testdata/destinationrule-simple-port.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0129 DestinationRule default/db-tls',
  ]),
  applicable('destinationrule with credentialname, simple at destinationlevel, no workloadSelector', ['testdata/destinationrule-simple-destination-credentialname.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0128 DestinationRule default/db-tls',
  ]),
  applicable('destinationrule with credentialname, simple at destinationlevel, workloadSelector', ['testdata/destinationrule-simple-destination-credentialname-selector.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], []),
  applicable('destinationrule with credentialname, simple at portlevel, no workloadSelector', ['testdata/destinationrule-simple-port-credentialname.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0129 DestinationRule default/db-tls',
  ]),
  applicable('destinationrule with credentialname, simple at portlevel, workloadSelector', ['testdata/destinationrule-simple-port-credentialname-selector.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], []),
  applicable('destinationrule with no cacert, mutual at portlevel', ['testdata/destinationrule-mutual-port.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0129 DestinationRule default/db-mtls',
  ]),
  applicable('destinationrule with no cacert, mutual at destinationlevel and simple at port level', ['testdata/destinationrule-compound-simple-mutual.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0128 DestinationRule default/db-mtls',
    'IST0129 DestinationRule default/db-mtls',
  ]),
  applicable('destinationrule with no cacert, simple at destinationlevel and mutual at port level', ['testdata/destinationrule-compound-mutual-simple.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], [
    'IST0129 DestinationRule default/db-mtls',
    'IST0128 DestinationRule default/db-mtls',
  ]),
  applicable('destinationrule with both cacerts', ['testdata/destinationrule-with-ca.yaml'], CA_CERTIFICATES, ['IST0128', 'IST0129'], []),
  applicable('dupmatches', ['testdata/virtualservice_dupmatches.yaml', 'testdata/virtualservice_overlappingmatches.yaml'], 'schema.ValidationAnalyzer.VirtualService', ['IST0130', 'IST0131'], [
    'IST0130 VirtualService default/duplicate-match',
    'IST0130 VirtualService foo/sample-foo-cluster01',
    'IST0131 VirtualService default/almost-duplicate-match',
    'IST0131 VirtualService default/duplicate-match',
    'IST0130 VirtualService default/duplicate-tcp-match',
    'IST0130 VirtualService default/duplicate-empty-tcp',
    'IST0131 VirtualService default/almost-duplicate-tcp-match',
    'IST0131 VirtualService default/duplicate-tcp-match',
    'IST0130 VirtualService none/tls-routing',
    'IST0131 VirtualService none/tls-routing-almostmatch',
    'IST0131 VirtualService none/tls-routing',
    'IST0131 VirtualService default/non-method-get',
    'IST0131 VirtualService default/overlapping-in-single-match',
    'IST0131 VirtualService default/overlapping-in-two-matches',
    'IST0131 VirtualService default/overlapping-mathes-with-different-methods',
  ]),
  applicable('host defined in virtualservice not found in the gateway', ['testdata/virtualservice_host_not_found_gateway.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0132 VirtualService default/testing-service-02-test-01',
    'IST0132 VirtualService default/testing-service-02-test-02',
    'IST0132 VirtualService default/testing-service-02-test-03',
    'IST0132 VirtualService default/testing-service-03-test-04',
  ]),
  applicable('host defined in virtualservice not found in the gateway(beta version)', ['testdata/virtualservice_host_not_found_gateway_beta.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0132 VirtualService default/testing-service-02-test-01',
    'IST0132 VirtualService default/testing-service-02-test-02',
    'IST0132 VirtualService default/testing-service-02-test-03',
    'IST0132 VirtualService default/testing-service-03-test-04',
  ], 'virtualservice_host_not_found_gateway'),
  applicable('host defined in virtualservice not found in the gateway with ns', ['testdata/virtualservice_host_not_found_gateway_with_ns_prefix.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0132 VirtualService default/testing-service-01-test-01',
  ]),
  applicable('host defined in virtualservice not found in the gateway with ns(beta version)', ['testdata/virtualservice_host_not_found_gateway_with_ns_prefix_beta.yaml'], VS_GATEWAYS, ['IST0101', 'IST0132', 'IST0165'], [
    'IST0132 VirtualService default/testing-service-01-test-01',
  ], 'virtualservice_host_not_found_gateway_with_ns_prefix'),
  applicable('missing Addresses and Protocol in Service Entry', ['testdata/serviceentry-missing-addresses-protocol.yaml'], SE_ADDRESSES, ['IST0134'], [
    'IST0134 ServiceEntry default/service-entry-test-03',
    'IST0134 ServiceEntry default/service-entry-test-04',
    'IST0134 ServiceEntry default/service-entry-test-07',
  ]),
  applicable('missing Addresses and Protocol in Service Entry with ISTIO_META_DNS_AUTO_ALLOCATE enabled', [
    'testdata/serviceentry-missing-addresses-protocol.yaml', 'testdata/serviceentry-missing-addresses-protocol-mesh-cfg.yaml',
  ], SE_ADDRESSES, ['IST0134'], [], 'serviceentry-missing-addresses-protocol', 'serviceentry-missing-addresses-protocol-mesh-cfg'),
  applicable('certificate duplication in Gateway', ['testdata/gateway-duplicate-certificate.yaml'], 'gateway.CertificateAnalyzer', ['IST0138'], [
    'IST0138 Gateway istio-system/gateway-01-test-01',
    'IST0138 Gateway istio-system/gateway-02-test-01',
    'IST0138 Gateway istio-system/gateway-01-test-02',
    'IST0138 Gateway default/gateway-01-test-03',
  ]),
  applicable('Route Rule no effect on Ingress', ['testdata/virtualservice_route_rule_no_effects_ingress.yaml'], DESTINATION_HOSTS, ['IST0101', 'IST0112', 'IST0140'], [
    'IST0140 VirtualService default/testing-service-01-test-01',
  ]),
  applicable('Application Pod SecurityContext with UID 1337', ['testdata/pod-sec-uid.yaml'], APPLICATION_UID, ['IST0144'], [
    'IST0144 Pod default/pod-sec-uid',
  ]),
  applicable('Application Container SecurityContext with UID 1337', ['testdata/pod-con-sec-uid.yaml'], APPLICATION_UID, ['IST0144'], [
    'IST0144 Pod default/con-sec-uid',
  ]),
  applicable('Deployment Pod SecurityContext with UID 1337', ['testdata/deployment-pod-sec-uid.yaml'], APPLICATION_UID, ['IST0144'], [
    'IST0144 Deployment default/deploy-pod-sec-uid',
  ]),
  applicable('Deployment Container SecurityContext with UID 1337', ['testdata/deployment-con-sec-uid.yaml'], APPLICATION_UID, ['IST0144'], [
    'IST0144 Deployment default/deploy-con-sec-uid',
  ]),
  applicable('ExternalNameServiceTypeInvalidPortName', ['testdata/incorrect-port-name-external-name-service-type.yaml'], PORT_NAMES, ['IST0118', 'IST0150'], [
    'IST0150 Service nginx-ns/nginx',
    'IST0150 Service nginx-ns2/nginx-svc2',
    'IST0150 Service nginx-ns3/nginx-svc3',
  ]),
  applicable('ExternalNameServiceTypeValidPortName', ['testdata/correct-port-name-external-name-service-type.yaml'], PORT_NAMES, ['IST0118', 'IST0150'], []),
  applicable('Analyze conflicting gateway with list type', ['testdata/analyze-list-type.yaml'], CONFLICTING_GATEWAYS, ['IST0101', 'IST0145'], [
    'IST0145 Gateway default/alpha',
    'IST0145 Gateway default/alpha-l',
    'IST0145 Gateway default/beta-l',
  ]),
  applicable('ServiceEntry Addresses Required Lowercase Protocol', ['testdata/serviceentry-address-required-lowercase.yaml'], SE_ADDRESSES, ['IST0134'], [
    'IST0134 ServiceEntry default/address-missing-lowercase',
  ]),
  applicable('ServiceEntry Addresses Required Uppercase Protocol', ['testdata/serviceentry-address-required-uppercase.yaml'], SE_ADDRESSES, ['IST0134'], [
    'IST0134 ServiceEntry default/address-missing-uppercase',
  ]),
  applicable('ServiceEntry conflicting protocols on same host and port', ['testdata/serviceentry-conflicting-protocol.yaml'], SE_PROTOCOLS, ['IST0177'], [
    'IST0177 ServiceEntry default/se-http',
    'IST0177 ServiceEntry default/se-https',
  ]),
  applicable('ServiceEntry no conflict same protocol', ['testdata/serviceentry-no-conflict-protocol.yaml'], SE_PROTOCOLS, ['IST0177'], []),
  applicable('ServiceEntry no conflict non-overlapping exportTo scopes', ['testdata/serviceentry-conflicting-exportto.yaml'], SE_PROTOCOLS, ['IST0177'], []),
  applicable('Condition Analyzer', ['testdata/condition-analyzer.yaml'], 'conditions.ConditionAnalyzer', ['IST0171'], [
    'IST0171 Service default/negative-condition-svc',
    'IST0171 ServiceEntry default/negative-condition-svcEntry',
    'IST0171 AuthorizationPolicy default/negative-condition-authz',
    'IST0171 Gateway default/negative-condition-gateway',
    'IST0171 HTTPRoute default/negative-condition-httproute',
    'IST0171 GRPCRoute default/negative-condition-grpcroute',
    'IST0171 AuthorizationPolicy default/negative-condition-authz-partially-invalid',
  ]),
  applicable('DestinationRuleWithFakeHost', ['testdata/destinationrule-with-fake-host.yaml'], PODS_NOT_SELECTED, ['IST0173', 'IST0174'], [
    'IST0174 DestinationRule default/fake-host',
  ]),
  applicable('DestinationRuleSubsetsNotSelectPods', ['testdata/destinationrule-subsets-not-select-pods.yaml'], PODS_NOT_SELECTED, ['IST0173', 'IST0174'], [
    'IST0173 DestinationRule default/subsets-not-select-pods',
  ]),
  applicable('DestinationRuleSubsetsWithTopologyLabels', ['testdata/destinationrule-subsets-with-topology-labels.yaml'], PODS_NOT_SELECTED, ['IST0173', 'IST0174'], []),
  applicable('DestinationRuleEmptyTopologyLabels', ['testdata/destinationrule-empty-topology-labels.yaml'], PODS_NOT_SELECTED, ['IST0173', 'IST0174'], [
    'IST0173 DestinationRule default/empty-topology-labels',
  ]),
  applicable('ServiceEntry Addresses Allocated', [
    'testdata/serviceentry-address-allocated.yaml', 'testdata/serviceentry-address-allocated-mesh-cfg.yaml',
  ], SE_ADDRESSES, ['IST0134'], [], undefined, 'serviceentry-address-allocated-mesh-cfg'),
];

/** The cases the suite does not run, with the reason. */
export const INAPPLICABLE_CASES: readonly InapplicableCase[] = [
  inapplicable('alpha', ['testdata/misannotated.yaml'], 'maturity.AlphaAnalyzer', ALPHA),
  inapplicable('externalControlPlaneMissingWebhooks', ['testdata/externalcontrolplane-missing-urls.yaml'], 'externalcontrolplane.ExternalControlPlaneAnalyzer', CONTROL_PLANE),
  inapplicable('externalControlPlaneMissingWebhooks', ['testdata/externalcontrolplane-missing-urls-custom-ns.yaml'], 'externalcontrolplane.ExternalControlPlaneAnalyzer', CONTROL_PLANE),
  inapplicable('externalControlPlaneUsingIpAddresses', ['testdata/externalcontrolplane-using-ip-addr.yaml'], 'externalcontrolplane.ExternalControlPlaneAnalyzer', CONTROL_PLANE),
  inapplicable('externalControlPlaneValidWebhooks', ['testdata/externalcontrolplane-valid-urls.yaml'], 'externalcontrolplane.ExternalControlPlaneAnalyzer', CONTROL_PLANE),
  inapplicable('externalControlPlaneValidWebhooks', ['testdata/externalcontrolplane-valid-urls-custom-ns.yaml'], 'externalcontrolplane.ExternalControlPlaneAnalyzer', CONTROL_PLANE),
  inapplicable('istioInjection', ['testdata/injection.yaml'], 'injection.Analyzer', INJECTION_NO_CONFIG_MAP),
  inapplicable('istioInjectionEnableNamespacesByDefault', ['testdata/injection.yaml', 'testdata/common/sidecar-injector-enabled-nsbydefault.yaml'], 'injection.Analyzer', INJECTION),
  inapplicable('istioInjectionProxyImageMismatch', ['testdata/injection-with-mismatched-sidecar.yaml', 'testdata/common/sidecar-injector-configmap.yaml'], 'injection.ImageAnalyzer', INJECTION_IMAGES),
  inapplicable('injectionImageDistroless', ['testdata/injection-image-distroless.yaml', 'testdata/common/sidecar-injector-configmap.yaml', 'testdata/common/meshconfig.yaml'], 'injection.ImageAnalyzer', INJECTION_IMAGES),
  inapplicable('injectionImageDistrolessNoMeshConfig', ['testdata/injection-image-distroless-no-meshconfig.yaml', 'testdata/common/sidecar-injector-configmap.yaml'], 'injection.ImageAnalyzer', INJECTION_IMAGES),
  inapplicable('istioInjectionProxyImageMismatchAbsolute', ['testdata/injection-with-mismatched-sidecar.yaml', 'testdata/sidecar-injector-configmap-absolute-override.yaml'], 'injection.ImageAnalyzer', INJECTION_IMAGES),
  inapplicable('istioInjectionProxyImageMismatchWithRevisionCanary', [
    'testdata/injection-with-mismatched-sidecar.yaml', 'testdata/sidecar-injector-configmap-absolute-override.yaml', 'testdata/sidecar-injector-configmap-with-revision-canary.yaml',
  ], 'injection.ImageAnalyzer', INJECTION_IMAGES),
  inapplicable('virtualServiceJWTClaimRoute', ['testdata/virtualservice_jwtclaimroute.yaml'], 'virtualservice.JWTClaimRouteAnalyzer', 'needs RequestAuthentication (IST0149): kind not read'),
  inapplicable('unknown service registry in mesh networks', ['testdata/multicluster-unknown-serviceregistry.yaml', 'testdata/common/meshnetworks.yaml'], 'multicluster.MeshNetworksAnalyzer', 'MeshNetworks: not read'),
  inapplicable('blockedCIDRsMissing', ['testdata/blocked-cidrs-missing.yaml'], 'authn.BlockedCIDRsAnalyzer', 'RequestAuthentication and the istiod Deployment\'s settings: not read'),
  inapplicable('blockedCIDRsConfigured', ['testdata/blocked-cidrs-configured.yaml'], 'authn.BlockedCIDRsAnalyzer', 'RequestAuthentication and the istiod Deployment\'s settings: not read'),
  inapplicable('blockedCIDRsNoRA', ['testdata/blocked-cidrs-no-ra.yaml'], 'authn.BlockedCIDRsAnalyzer', 'RequestAuthentication and the istiod Deployment\'s settings: not read'),
  inapplicable('webook', ['testdata/webhook.yaml'], 'webhook.Analyzer', 'MutatingWebhookConfiguration: kind not read'),
  inapplicable('Detect `image: auto` in non-injected pods', ['testdata/image-auto.yaml'], 'injection.ImageAutoAnalyzer', IMAGE_AUTO),
  inapplicable('EnvoyFilterUsesRelativeOperation', ['testdata/relative-envoy-filter-operation.yaml'], 'envoyfilter.EnvoyPatchAnalyzer', ENVOY_FILTER),
  inapplicable('EnvoyFilterFilterChainMatch', ['testdata/envoy-filter-filterchain.yaml'], 'envoyfilter.EnvoyPatchAnalyzer', ENVOY_FILTER),
  inapplicable('EnvoyFilterUsesAbsoluteOperation', ['testdata/absolute-envoy-filter-operation.yaml'], 'envoyfilter.EnvoyPatchAnalyzer', ENVOY_FILTER),
  inapplicable('EnvoyFilterUsesReplaceOperation', ['testdata/envoy-filter-replace-operation.yaml'], 'envoyfilter.EnvoyPatchAnalyzer', ENVOY_FILTER),
  inapplicable('EnvoyFilterUsesAddOperation', ['testdata/envoy-filter-add-operation.yaml'], 'envoyfilter.EnvoyPatchAnalyzer', ENVOY_FILTER),
  inapplicable('EnvoyFilterUsesRemoveOperation', ['testdata/envoy-filter-remove-operation.yaml'], 'envoyfilter.EnvoyPatchAnalyzer', ENVOY_FILTER),
  inapplicable('Analyze invalid telemetry', ['testdata/telemetry-invalid-provider.yaml'], 'telemetry.ProviderAnalyzer', TELEMETRY),
  inapplicable('Analyze invalid telemetry', ['testdata/telemetry-disable-provider.yaml'], 'telemetry.ProviderAnalyzer', TELEMETRY),
  inapplicable('telemetrySelector', ['testdata/telemetry-selector.yaml'], 'telemetry.SelectorAnalyzer', TELEMETRY),
  inapplicable('telemetryDefaultSelector', ['testdata/telemetry-default-selector.yaml'], 'telemetry.DefaultSelectorAnalyzer', TELEMETRY),
  inapplicable('Telemetry Lightstep', ['testdata/telemetry-lightstep.yaml', 'testdata/telemetry-lightstep-meshconfig.yaml'], 'telemetry.LightstepAnalyzer', TELEMETRY),
  inapplicable('KubernetesGatewaySelector', ['testdata/k8sgateway-selector.yaml'], 'k8sgateway.SelectorAnalyzer', 'RequestAuthentication, AuthorizationPolicy, WasmPlugin and Telemetry on Gateway API Gateways: kinds not read'),
  inapplicable('GatewayAPICRDVersionBelowMinimum', ['testdata/gateway-api-crd-version-old.yaml'], 'k8sgateway.CRDVersionAnalyzer', 'CustomResourceDefinition: kind not read'),
];
