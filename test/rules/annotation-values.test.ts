import { ANNOTATION_VALUE_CHECKS } from '../../src/rules/analysis/annotation-values';

function problemOf(annotation: string, value: string): string | undefined {
  return ANNOTATION_VALUE_CHECKS.get(annotation)!(value);
}

describe('the values the sidecar injector takes for its annotations', () => {
  test.each([
    ['readiness.status.sidecar.istio.io/periodSeconds', ['0', '10', '4294967295'], ['-1', '4294967296', '1.5', ' 10', '']],
    ['status.sidecar.istio.io/port', ['0', '15020', ' 15020 ', '65535'], ['65536', 'http', '']],
    ['traffic.sidecar.istio.io/excludeInboundPorts', ['', ' ', '15020', '1, 2 ,3'], ['1,,2', '1,x', '70000']],
    ['traffic.sidecar.istio.io/includeInboundPorts', ['*', '', '8080'], ['* ', 'all']],
    ['traffic.sidecar.istio.io/includeOutboundIPRanges', ['*', '', '10.0.0.0/8', '10.0.0.0/8,fd00::/8', '0.0.0.0/0'], ['10.0.0.1', '10.0.0.0/33', '10.0.0.0/08', 'fe80::1%eth0/64', '10.0.0.0/8,']],
    ['traffic.sidecar.istio.io/excludeOutboundIPRanges', ['', '192.168.0.0/16'], ['*', '192.168.0.0']],
    ['traffic.sidecar.istio.io/excludeInterfaces', ['', 'eth0', 'eth0, veth_1.2'], ['eth0,', '0eth', 'a-very-long-interface-name', 'eth 0']],
    ['prometheus.istio.io/merge-metrics', ['true', 'False', '1', 't'], ['yes', 'TRUE ', '']],
    ['sidecar.istio.io/interceptionMode', ['REDIRECT', 'TPROXY', 'NONE'], ['redirect', '']],
    ['sidecar.istio.io/proxyCPU', ['100m', '0.5', '1', '.5', '2.', '1e3', '+1Ki', '500u'], ['', '1Gb', 'm', '1.2.3', '1\u0007']],
  ])('%s', (annotation, good, bad) => {
    expect(good.filter((value) => problemOf(annotation, value) !== undefined)).toEqual([]);
    expect(bad.filter((value) => problemOf(annotation, value) === undefined)).toEqual([]);
  });

  test('messages say what is wrong as the injector words it', () => {
    expect(problemOf('readiness.status.sidecar.istio.io/initialDelaySeconds', 'bar')).toBe('strconv.ParseUint: parsing "bar": invalid syntax');
    expect(problemOf('status.sidecar.istio.io/port', '99999')).toBe('excludeInboundPorts invalid: failed parsing port \'99999\': strconv.ParseUint: parsing "99999": value out of range');
  });
});
