"use client";

import {
  useEffect,
  useEffectEvent,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type Ref,
} from "react";
import { findAssigneesAction } from "@/lib/actions/assignees";
import { inputClass, labelClass } from "@/components/ui/button-styles";
import { callAction } from "@/lib/client/call-action";
import { useValueSetBeforeHydration } from "@/lib/client/use-value-set-before-hydration";

export type AssignableUser = { id: number; email: string; full_name: string };

const optionText = (user: AssignableUser) =>
  user.email ? `${user.full_name} <${user.email}>` : user.full_name;
/** Typing pauses this long before the server is asked for people the list left out. */
const SEARCH_DELAY_MS = 250;

function matchIn(people: AssignableUser[], typed: string): AssignableUser | undefined {
  const lower = typed.toLowerCase();
  return people.find((user) => optionText(user).toLowerCase() === lower || user.email === lower);
}

/** What to search for: the e-mail of a "Name <email>" option, or the words typed. */
function searchTermOf(typed: string): string {
  return /<([^<>]+)>\s*$/.exec(typed)?.[1] ?? typed;
}

type Props = {
  /** The first people to offer (the largest organisations have more: typing finds them). */
  users: AssignableUser[];
  /** The task's assignee now: shown even when the list leaves them out (deactivated, or beyond it). */
  current?: AssignableUser | null;
  value: number | null;
  /** `person`: whom the text names, when it names someone. */
  onChange: (id: number | null, resolved: boolean, person: AssignableUser | null) => void;
  error?: string;
  label?: string;
  placeholder?: string;
  /** Given, the field refuses to submit its form while the text names nobody it knows. */
  unresolvedMessage?: string;
  /** react-hook-form's field ref: an error set with shouldFocus moves focus to the input. */
  focusRef?: Ref<{ focus: () => void }>;
};

/**
 * A searchable assignee picker built on the browser's own combobox (input + datalist): typing
 * filters the people, and keyboard and screen-reader support come with the platform. Someone not
 * among the people it was given is looked up on the server as their name or e-mail is typed.
 */
export function AssigneeField({
  users,
  current = null,
  value,
  onChange,
  error,
  label = "Assignee",
  placeholder = "Type a name or e-mail; leave empty for nobody",
  unresolvedMessage,
  focusRef,
}: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(focusRef, () => ({ focus: () => input.current?.focus() }), []);
  const [known, setKnown] = useState(() =>
    current && !users.some((user) => user.id === current.id) ? [current, ...users] : users,
  );
  const selected = known.find((user) => user.id === value);
  const [text, setText] = useState(selected ? optionText(selected) : "");
  const [searching, setSearching] = useState(false);
  const searched = useRef(new Set<string>());
  const typedNow = useRef(text.trim());
  const resolvedBySearch = useEffectEvent((user: AssignableUser) => onChange(user.id, true, user));
  // Or the form would send the choice the page was drawn with.
  useValueSetBeforeHydration(input, text, update);

  function update(next: string) {
    setText(next);
    const trimmed = next.trim();
    typedNow.current = trimmed;
    if (!trimmed) return onChange(null, true, null);
    const match = matchIn(known, trimmed) ?? null;
    onChange(match ? match.id : null, Boolean(match), match);
  }

  useEffect(() => {
    const typed = text.trim();
    const term = searchTermOf(typed);
    if (term.length < 2 || matchIn(known, typed) || searched.current.has(term)) return;
    const timer = setTimeout(async () => {
      setSearching(true);
      const result = await callAction(() => findAssigneesAction(term));
      setSearching(false);
      // A failed search may be tried again by typing on; one that answered is not repeated.
      if (!result.ok) return;
      searched.current.add(term);
      // Searches may overlap: each adds its people to whatever the others found.
      setKnown((people) => [
        ...people,
        ...result.data.filter((user) => !people.some((known) => known.id === user.id)),
      ]);
      const match = typedNow.current === typed ? matchIn(result.data, typed) : undefined;
      if (match) resolvedBySearch(match);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, known]);

  const unresolved = text.trim() !== "" && !matchIn(known, text.trim());
  useEffect(() => {
    input.current?.setCustomValidity(unresolved && unresolvedMessage ? unresolvedMessage : "");
  }, [unresolved, unresolvedMessage]);

  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="text"
        list={`${id}-options`}
        value={text}
        onChange={(event) => update(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status${error ? ` ${id}-error` : ""}`}
        className={inputClass}
      />
      <datalist id={`${id}-options`}>
        {known.map((user) => (
          <option key={user.id} value={optionText(user)} />
        ))}
      </datalist>
      <p id={`${id}-status`} aria-live="polite" className="mt-1 text-xs text-slate-600">
        {searching ? "Looking for more people…" : ""}
      </p>
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
