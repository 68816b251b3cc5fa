// Must NOT type-check: the search's facets are declared one by one, so a facet that does not
// exist is a compile error rather than `undefined` at run time.
import type { paths } from "./api";

type Search = paths["/api/v1/search/"]["get"]["responses"][200]["content"]["application/json"];

export function colours(search: Search): number {
  return search.facets.colour.length;
}
