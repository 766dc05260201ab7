import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { api, type Page } from "../../api/client.js";

/** Tasks found by number or title, to link a project to the work that concerns it. */
export function TaskPicker({
  value,
  onChange,
  initial,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  initial: { id: string; number: number; title: string }[];
}) {
  const [q, setQ] = useState("");
  const found = useQuery({
    queryKey: ["/api/tasks", "pick", q],
    queryFn: () => api.get<Page<{ id: string; number: number; title: string }>>("/api/tasks", { q: q || undefined, limit: 20 }),
  });
  const known = new Map([...initial, ...(found.data?.items ?? [])].map((x) => [x.id, `#${x.number} ${x.title}`]));
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      options={[...known].map(([id, label]) => ({ value: id, label }))}
      data-testid="project-tasks"
    />
  );
}

/** Directives found by their words, to link a project to the decisions it carries out. */
export function DirectivePicker({
  value,
  onChange,
  initial,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  initial: { id: string; text: string }[];
}) {
  const [q, setQ] = useState("");
  const found = useQuery({
    queryKey: ["/api/directives", "pick", q],
    queryFn: () =>
      api.get<Page<{ id: string; text: string; meetingTitle: string }>>("/api/directives", { q: q || undefined, limit: 20 }),
  });
  const known = new Map(
    [...initial, ...(found.data?.items ?? [])].map((x) => [x.id, x.text.length > 60 ? `${x.text.slice(0, 60)}…` : x.text]),
  );
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      options={[...known].map(([id, label]) => ({ value: id, label }))}
      data-testid="project-directives"
    />
  );
}
