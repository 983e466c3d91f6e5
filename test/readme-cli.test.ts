import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/analysis/cli';
import { parseArgs } from '../src/analysis/cli/args';
import { parseHostOwnership } from '../src/rules/host-ownership';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const BIN = 'npx cdk8s-istio-gateways ';

/** The commands of the README's `<!-- cli: ... -->` shell blocks, continuation lines joined, each piped stage apart. */
function recipeCommands(): string[][] {
  const blocks = [...README.matchAll(/<!-- cli: [^>]*-->\n```sh\n([\s\S]*?)```/g)].map((m) => m[1].replace(/\\\n\s*/g, ' '));
  return blocks.flatMap((block) => block.split('\n'))
    .flatMap((line) => line.split('|').map((stage) => stage.trim()))
    .filter((stage) => stage.startsWith(BIN))
    .map((stage) => stage.slice(BIN.length).replace(/\s*>.*$/, '').split(/\s+/));
}

describe('README: across teams and repositories', () => {
  test('every command of the CI recipe is one the CLI accepts', () => {
    const commands = recipeCommands();
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const args of commands) {
      expect(() => parseArgs(args)).not.toThrow();
    }
  });

  test('the output shown is what the CLI prints for two teams\' outputs that collide, with each team\'s dist/ for the fixture\'s folder', () => {
    const shown = [...README.matchAll(/<!-- cli-output: (.*) -->\n```\n([\s\S]*?)```/g)];
    expect(shown.length).toBeGreaterThan(0);
    for (const [, command, text] of shown) {
      let out = '';
      const cwd = process.cwd();
      process.chdir(ROOT);
      try {
        main(command.split(' '), { out: (t) => { out += t; }, err: () => undefined }, () => '');
      } finally {
        process.chdir(cwd);
      }
      expect(out.replace(/test\/fixtures\/cli\/teams\/([\w-]+)\/synthesized/g, '$1/dist')).toBe(text);
    }
  });

  test('the host ownership policy shown is one the CLI reads', () => {
    const [, policy] = /<!-- host-ownership-policy -->\n```yaml\n([\s\S]*?)```/.exec(README) ?? [];
    expect(parseHostOwnership(policy ?? '')).toEqual([
      { namespace: 'team-a', hosts: ['*.team-a.example.com'] },
      { namespace: 'team-b', hosts: ['api.team-b.example.com', '*.partner.example'] },
    ]);
  });
});
