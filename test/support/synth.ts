import { Chart, Testing, Yaml } from 'cdk8s';
import { buildGatewayKindExample, GATEWAY_KINDS } from '../../examples/gateway-kinds';
import { buildWalkthrough } from '../../examples/main';

/** The walkthrough's charts, synthesized: chart id -> objects. */
export function synthWalkthrough(): Map<string, any[]> {
  const app = buildWalkthrough(Testing.app());
  return new Map(app.charts.map((chart: Chart) => [chart.node.id, Testing.synth(chart)]));
}

/**
 * The walkthrough's charts and those of its dedicated-gateway steps in each other workload kind,
 * synthesized: chart id -> objects.
 */
export function synthExamples(): Map<string, any[]> {
  const charts = synthWalkthrough();
  for (const kind of GATEWAY_KINDS) {
    const app = buildGatewayKindExample(Testing.app(), kind.name, kind.deployment());
    for (const chart of app.charts) {
      charts.set(chart.node.id, Testing.synth(chart));
    }
  }
  return charts;
}

/** The YAML `cdk8s synth` writes for a chart's objects. */
export function toYaml(objects: any[]): string {
  return Yaml.stringify(...objects);
}
