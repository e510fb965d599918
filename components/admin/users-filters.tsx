import { buttonSecondary, inputClass, labelClass } from "@/components/ui/button-styles";
import { RoleOptions } from "./role-options";

export type UsersFilterValues = {
  search?: string;
  role?: string;
  is_active?: string;
  ordering?: string;
};

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export function UsersFilters({ values }: { values: UsersFilterValues }) {
  return (
    <form
      method="get"
      action="/admin/users"
      role="search"
      aria-label="Filter users"
      className="mb-4 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
    >
      <div>
        <label htmlFor="users-search" className={labelClass}>
          Search name or email
        </label>
        <input
          id="users-search"
          name="search"
          type="search"
          defaultValue={values.search}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="users-role" className={labelClass}>
          Role
        </label>
        <select id="users-role" name="role" defaultValue={values.role ?? ""} className={inputClass}>
          <option value="">All roles</option>
          <RoleOptions />
        </select>
      </div>
      <div>
        <label htmlFor="users-active" className={labelClass}>
          Status
        </label>
        <select
          id="users-active"
          name="is_active"
          defaultValue={values.is_active ?? ""}
          className={inputClass}
        >
          <option value="">Active and inactive</option>
          <option value="true">Active</option>
          <option value="false">Deactivated</option>
        </select>
      </div>
      {values.ordering ? <input type="hidden" name="ordering" value={values.ordering} /> : null}
      <button type="submit" className={buttonSecondary}>
        Apply filters
      </button>
    </form>
  );
}
