/** What a locality set has under a region, keyed by zone; `*` stands for every zone. */
type Zones = Map<string, Set<string>>;

/**
 * Why `localities` (`region[/zone[/subzone]]`, with an optional trailing `*`) cannot be used
 * together, or undefined: a malformed locality, or one that a locality before it already
 * covers (`a/b/c` after `a` or `a/b/*`; anything after `*`), as Istio checks a distribute list.
 */
export function localitiesProblem(localities: readonly string[]): string | undefined {
  const regions = new Map<string, Zones>();
  for (const locality of localities) {
    const wildcards = locality.split('*').length - 1;
    if (wildcards > 1 || (wildcards === 1 && !locality.endsWith('*'))) {
      return `locality "${locality}" can have one "*", and only at its end`;
    }
    const parts = levels(locality);
    if (parts.some((part) => part === '')) {
      return `locality "${locality}" cannot have an empty region, zone or subzone`;
    }
    if (regions.has('*') || covers(regions, parts)) {
      return `locality "${locality}" overlaps a locality before it`;
    }
    add(regions, parts);
  }
  return undefined;
}

/** Region, zone and subzone, as many as given; the subzone is the rest, slashes and all. */
function levels(locality: string): string[] {
  const [region, zone, ...subzone] = locality.split('/');
  return [region, ...(zone === undefined ? [] : [zone]), ...(subzone.length === 0 ? [] : [subzone.join('/')])];
}

function covers(regions: Map<string, Zones>, [region, zone, subzone]: string[]): boolean {
  const zones = regions.get(region);
  if (zones === undefined) {
    return false;
  }
  if (zone === undefined || zones.has('*')) {
    return true;
  }
  const subzones = zones.get(zone);
  if (subzones === undefined) {
    return false;
  }
  return subzone === undefined || subzones.has('*') || subzones.has(subzone);
}

function add(regions: Map<string, Zones>, [region, zone = '*', subzone = '*']: string[]): void {
  const zones = regions.get(region) ?? new Map<string, Set<string>>();
  regions.set(region, zones);
  const subzones = zones.get(zone) ?? new Set<string>();
  zones.set(zone, subzones);
  subzones.add(subzone);
}
