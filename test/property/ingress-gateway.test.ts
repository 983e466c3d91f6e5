import { Chart } from 'cdk8s';
import * as fc from 'fast-check';
import { Backend, IngressGateway, PathMatch, StringMatch } from '../../src';
import { badDuration, badHost, badPort, badRegex } from '../support/arbitraries';
import { CrdValidator, describeWithCrds } from '../support/crds';
import { expectRefused, expectSoundApp, propertyParameters, silenceSynthWarnings } from '../support/properties';
import { buildIngress, declaredWorkloads, ingressModel } from './ingress-model';

describeWithCrds('property: ingress gateways, exposures and their routes', () => {
  const validator = new CrdValidator();
  silenceSynthWarnings();

  test('valid props synthesize objects the rule set and the CRDs accept, deterministically, with DNS-1123 names', () => {
    fc.assert(fc.property(ingressModel, (model) => {
      expectSoundApp(validator, (chart) => buildIngress(chart, model), { assumeHostsAndSecretsExist: true, workloads: declaredWorkloads(model.gateway) });
    }), propertyParameters(60));
  });
});

/** One bad value in an otherwise valid exposure of `web` through the mesh's default gateway, and where the error must point. */
interface BadExposure {
  readonly build: (chart: Chart) => void;
  readonly field: string;
  readonly value: unknown;
}

function mesh(chart: Chart) {
  return IngressGateway.fromSelector(chart, 'ingress', { selector: { istio: 'ingressgateway' } });
}

const backend = Backend.fromHost('web.apps.svc.cluster.local', 8080);

const badExposure: fc.Arbitrary<BadExposure> = fc.oneof(
  badHost.map((host) => ({ build: (chart: Chart) => { mesh(chart).expose('web', { hosts: [host], port: 80, backend }); }, field: 'hosts[0]', value: host })),
  badPort.map((port) => ({ build: (chart: Chart) => { mesh(chart).expose('web', { hosts: ['shop.example.com'], port, backend }); }, field: 'port', value: port })),
  badPort.map((port) => ({
    build: (chart: Chart) => { mesh(chart).expose('web', { hosts: ['shop.example.com'], port: 80, backend: Backend.fromHost('web.apps.svc.cluster.local', port) }); },
    field: 'backend.port',
    value: port,
  })),
  badRegex.map((pattern) => ({
    build: (chart: Chart) => mesh(chart).expose('web', { hosts: ['shop.example.com'], port: 80, backend }).addHttpRoute({ matches: [{ path: PathMatch.regex(pattern) }] }),
    field: 'httpRoutes[0].matches[0].path',
    value: pattern,
  })),
  badRegex.map((pattern) => ({
    build: (chart: Chart) => mesh(chart).expose('web', { hosts: ['shop.example.com'], port: 80, backend }).addHttpRoute({ matches: [{ headers: { 'x-id': StringMatch.regex(pattern) } }] }),
    field: 'httpRoutes[0].matches[0].headers["x-id"]',
    value: pattern,
  })),
  badDuration.map((timeout) => ({
    build: (chart: Chart) => mesh(chart).expose('web', { hosts: ['shop.example.com'], port: 80, backend }).addHttpRoute({ timeout }),
    field: 'httpRoutes[0].timeout',
    value: timeout.toHumanString(),
  })),
  badDuration.map((perTryTimeout) => ({
    build: (chart: Chart) => mesh(chart).expose('web', { hosts: ['shop.example.com'], port: 80, backend }).addHttpRoute({ retries: { attempts: 2, perTryTimeout } }),
    field: 'httpRoutes[0].retries.perTryTimeout',
    value: perTryTimeout.toHumanString(),
  })),
  fc.oneof(fc.integer({ min: -5, max: 199 }), fc.integer({ min: 601, max: 1000 })).map((status) => ({
    build: (chart: Chart) => mesh(chart).expose('web', { hosts: ['shop.example.com'], port: 80, backend }).addHttpRoute({ directResponse: { status } }),
    field: 'httpRoutes[0].directResponse.status',
    value: status,
  })),
);

describe('property: bad exposure props', () => {
  silenceSynthWarnings();

  test('fail with an error that names the exposure, the field and the value, or one the rule set raises; never synthesize', () => {
    fc.assert(fc.property(badExposure, (bad) => {
      expectRefused(bad.build, 'app/ingress/web', bad.field, bad.value);
    }), propertyParameters(100));
  });
});
