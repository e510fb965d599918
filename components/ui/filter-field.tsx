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

/**
 * A filter's choices of codes, and which is chosen, when the address may name several at once
 * ("TODO,DONE" from a link): such a combination is one more choice, in the codes' own order, so
 * the select shows what the list applied and Apply keeps it instead of dropping it to "any".
 */
export function codeChoices<T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
  applied: string | undefined,
  named: FilterOption[] = [],
): { options: FilterOption[]; value: string | undefined } {
  const given = applied?.split(",") ?? [];
  const chosen = codes.filter((code) => given.includes(code));
  const combination = chosen.join(",");
  const options = [...labelledOptions(codes, labels), ...named];
  if (chosen.length > 1 && !options.some((option) => option.value === combination)) {
    options.push({ value: combination, label: chosen.map((code) => labels[code]).join(" or ") });
  }
  return { options, value: combination || applied };
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
