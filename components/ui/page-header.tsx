/** The title row of a dashboard page, with room for its main actions. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        {/* A long task title or e-mail address wraps anywhere rather than widen a phone's page. */}
        <h1 className="text-2xl font-semibold wrap-anywhere text-slate-900">{title}</h1>
        {description ? (
          <p className="mt-1 text-sm wrap-anywhere text-slate-600">{description}</p>
        ) : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
