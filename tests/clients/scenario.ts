// A front-end's use of the API, type-checked with `tsc --strict` against the types that
// openapi-typescript generates from /api/v1/openapi.json (written beside this file as api.d.ts).
import type { components, paths } from "./api";

type Search = paths["/api/v1/search/"]["get"]["responses"][200]["content"]["application/json"];
type Project = paths["/api/v1/projects/{page_id}/"]["get"]["responses"][200]["content"]["application/json"];
type ProjectJsonLd =
  paths["/api/v1/projects/{page_id}/jsonld/"]["get"]["responses"][200]["content"]["application/ld+json"];
type Problem = components["schemas"]["Problem"];
type ContentType = components["schemas"]["ContentType"];
type FacetKey = components["schemas"]["FacetKey"];

const kinds: ContentType[] = ["project", "measure", "provider", "news", "collection"];

export function card(project: Project): string {
  const status: components["schemas"]["ProjectStatus"] = project.status;
  return `${project.title} (${status}) ${project.start_date ?? ""}`;
}

export function targetGroupCounts(search: Search): Record<string, number> {
  return Object.fromEntries(search.facets.target_group.map((value) => [value.label, value.count]));
}

// Every facet in the order the API gives, labelled as it says, without naming one.
export function facetsInOrder(search: Search): { label: string; nested: boolean; values: string[] }[] {
  return [...search.facet_info]
    .sort((first, second) => first.order - second.order)
    .map((info) => ({
      label: info.label,
      nested: info.type === "hierarchical",
      values: search.facets[info.key].map((value) => value.label),
    }));
}

// The values of a hierarchical facet that belong to a value of its parent facet.
export function childrenOf(search: Search, key: FacetKey, parent: string): string[] {
  return search.facets[key].filter((value) => value.parent === parent).map((value) => value.label);
}

export function resultTypes(search: Search): ContentType[] {
  return search.results.map((result) => result.type).filter((type) => kinds.includes(type));
}

export function schemaOrgTypes(document: ProjectJsonLd): string[] {
  const types = document["@type"];
  return Array.isArray(types) ? types : [types];
}

export function explain(problem: Problem): string {
  return `${problem.status} ${problem.parameter ?? ""}: ${problem.detail ?? problem.title}`;
}
