import type { ComponentProps } from "react";
import { inputClass, labelClass } from "./button-styles";

export type FilterOption = { value: string | number; label: string };

/** Options for a fixed list of codes, each shown by its display label. */
export function labelledOptions<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
): FilterOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** A labelled <select> for a GET filter form; its first option ("") means "do not filter". */
export function FilterSelect({
  label,
  id,
  name,
  defaultValue,
  anyLabel,
  options,
}: {
  label: string;
  id: string;
  name: string;
  defaultValue?: string;
  anyLabel: string;
  options: FilterOption[];
}) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className={inputClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type FilterInputProps = Omit<ComponentProps<"input">, "id" | "name" | "className"> & {
  label: string;
  id: string;
  name: string;
};

/** A labelled <input> for a GET filter form; other input props (type, min, …) pass through. */
export function FilterInput({ label, id, ...inputProps }: FilterInputProps) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} {...inputProps} className={inputClass} />
    </div>
  );
}
