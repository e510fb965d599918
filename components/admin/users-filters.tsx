import { ROLES } from "@/lib/domain/enums";
import { SEARCH_MAX } from "@/lib/validation/search-terms";
import { buttonSecondary } from "@/components/ui/button-styles";
import { FilterForm } from "@/components/ui/filter-form";
import { FilterInput, FilterSelect, labelledOptions } from "@/components/ui/filter-field";
import { USERS_COUNT_ID } from "@/lib/client/focus-after-load";
import { ROLE_LABELS } from "./format";

export type UsersFilterValues = {
  search?: string;
  role?: string;
  is_active?: string;
  locked?: string;
  ordering?: string;
};

const ACTIVE_OPTIONS = [
  { value: "true", label: "Active" },
  { value: "false", label: "Deactivated" },
];

/**
 * A plain GET form: filters live in the URL, so they survive reloads and can be shared. On a
 * phone it starts folded, saying how many filters apply.
 */
export function UsersFilters({ values }: { values: UsersFilterValues }) {
  const { ordering, ...filters } = values;
  return (
    <FilterForm
      applied={Object.values(filters).filter(Boolean).length}
      resultsId={USERS_COUNT_ID}
      method="get"
      action="/admin/users"
      role="search"
      aria-label="Filter users"
      className="mb-4 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto_auto] sm:items-end"
    >
      <FilterInput
        label="Search name or email"
        id="users-search"
        name="search"
        type="search"
        defaultValue={values.search}
        maxLength={SEARCH_MAX}
      />
      <FilterSelect
        label="Role"
        id="users-role"
        name="role"
        defaultValue={values.role}
        anyLabel="All roles"
        options={labelledOptions(ROLES, ROLE_LABELS)}
      />
      <FilterSelect
        label="Status"
        id="users-active"
        name="is_active"
        defaultValue={values.is_active}
        anyLabel="Active and inactive"
        options={ACTIVE_OPTIONS}
      />
      <div className="flex items-center gap-2 sm:pb-2">
        <input
          id="users-locked"
          type="checkbox"
          name="locked"
          value="true"
          defaultChecked={values.locked === "true"}
          className="h-4 w-4"
        />
        <label htmlFor="users-locked" className="text-sm font-medium text-slate-800">
          Locked out only
        </label>
      </div>
      {ordering ? <input type="hidden" name="ordering" value={ordering} /> : null}
      <button type="submit" className={buttonSecondary}>
        Apply filters
      </button>
    </FilterForm>
  );
}
