"use client";

import { useId, useState } from "react";
import { inputClass, labelClass } from "@/components/ui/button-styles";

export type AssignableUser = { id: number; email: string; full_name: string; role: string };

const optionText = (user: AssignableUser) => `${user.full_name} <${user.email}>`;

type Props = {
  users: AssignableUser[];
  value: number | null;
  onChange: (id: number | null, resolved: boolean) => void;
  error?: string;
  label?: string;
};

/**
 * A searchable assignee picker built on the browser's own combobox (input + datalist): typing
 * filters the people, and keyboard and screen-reader support come with the platform.
 */
export function AssigneeField({ users, value, onChange, error, label = "Assignee" }: Props) {
  const id = useId();
  const selected = users.find((user) => user.id === value);
  const [text, setText] = useState(selected ? optionText(selected) : "");

  function update(next: string) {
    setText(next);
    const trimmed = next.trim();
    if (!trimmed) return onChange(null, true);
    const lower = trimmed.toLowerCase();
    const match = users.find(
      (user) => optionText(user).toLowerCase() === lower || user.email === lower,
    );
    onChange(match ? match.id : null, Boolean(match));
  }

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        list={`${id}-options`}
        value={text}
        onChange={(event) => update(event.target.value)}
        placeholder="Type a name or e-mail; leave empty for nobody"
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={inputClass}
      />
      <datalist id={`${id}-options`}>
        {users.map((user) => (
          <option key={user.id} value={optionText(user)} />
        ))}
      </datalist>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
