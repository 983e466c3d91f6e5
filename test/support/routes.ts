import { Chart, Testing } from 'cdk8s';
import { Backend, Exposure, HttpRouteOptions, IngressGateway } from '../../src';
import { findObject } from './objects';

/** A chart with an HTTP exposure `web` of shop.example.com on port 80 of the mesh's default gateway. */
export function httpExposure(): { chart: Chart; exposure: Exposure } {
  const chart = Testing.chart();
  const mesh = IngressGateway.fromSelector(chart, 'mesh', { selector: { istio: 'ingressgateway' } });
  const exposure = mesh.expose('web', { hosts: ['shop.example.com'], port: 80, backend: Backend.fromHost('web.shop.svc.cluster.local', 8080) });
  return { chart, exposure };
}

/** The first HTTP route of the VirtualService `web` after adding `options` as a route. */
export function synthRoute(options: HttpRouteOptions): any {
  const { chart, exposure } = httpExposure();
  exposure.addHttpRoute(options);
  return findObject(Testing.synth(chart), 'VirtualService', 'web').spec.http[0];
}

/** Adding `options` as a route fails with `message`, prefixed by the exposure's path. */
export function expectRouteError(options: HttpRouteOptions, message: string): void {
  const { exposure } = httpExposure();
  expect(() => exposure.addHttpRoute(options)).toThrow(`test/mesh/web: ${message}`);
}
