import Link from "next/link";
import type { Overview } from "@/lib/services/overview";

const CARD = "rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-500";

/** Counts per status and overdue, each linking to the matching table view. */
export function StatusCards({ overview }: { overview: Overview }) {
  const cards = [
    { label: "All tasks", value: overview.total, href: "/tasks" },
    { label: "To do", value: overview.by_status.TODO, href: "/tasks?status=TODO" },
    {
      label: "In progress",
      value: overview.by_status.IN_PROGRESS,
      href: "/tasks?status=IN_PROGRESS",
    },
    { label: "Done", value: overview.by_status.DONE, href: "/tasks?status=DONE" },
    {
      label: "Overdue",
      value: overview.overdue,
      href: "/tasks?overdue=true",
      alert: overview.overdue > 0,
    },
  ];
  return (
    <section aria-label="Task counts">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {cards.map((card) => (
          <li key={card.label}>
            <Link href={card.href} className={`block ${CARD}`}>
              <span className="block text-sm text-slate-600">{card.label}</span>
              <span
                data-testid={`count-${card.label}`}
                className={`block text-3xl font-semibold ${card.alert ? "text-red-700" : "text-slate-900"}`}
              >
                {card.value}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
