import { Chart, Testing, Yaml } from 'cdk8s';
import { buildWalkthrough } from '../../examples/main';

/** The walkthrough's charts, synthesized: chart id -> objects. */
export function synthWalkthrough(): Map<string, any[]> {
  const app = buildWalkthrough(Testing.app());
  return new Map(app.charts.map((chart: Chart) => [chart.node.id, Testing.synth(chart)]));
}

/** The YAML `cdk8s synth` writes for a chart's objects. */
export function toYaml(objects: any[]): string {
  return Yaml.stringify(...objects);
}
