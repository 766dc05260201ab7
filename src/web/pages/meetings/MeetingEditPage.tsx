import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Spin } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { MeetingOut } from "../../../schemas/meetings.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";
import { type Draft, DraftReview } from "./DraftReview.js";

/** Editing a registered meeting with the same side-by-side view as the import review. */
export function MeetingEditPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const meeting = useQuery({ queryKey: ["meeting", id], queryFn: () => api.get<MeetingOut>(`/api/meetings/${id}`) });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (meeting.isLoading) return <Spin />;
  if (!meeting.data) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  const m = meeting.data;
  const initial: Draft = {
    title: m.title,
    kind: m.kind,
    heldOn: m.heldOn,
    organizer: m.organizer,
    presiders: m.presiders,
    speakers: m.speakers,
    attendees: m.attendees,
    lang: m.lang,
    sourceText: m.sourceText,
    sourceFile: m.sourceFile,
    studied: m.studied.map((s) => ({
      text: s.text,
      linkedMeetingId: s.linkedMeetingId,
      linkedMeetingTitle: s.linkedMeetingTitle,
    })),
    directives: m.directives.map((d) => ({
      id: d.id,
      text: d.text,
      topic: d.topic,
      sourceStart: d.sourceStart,
      sourceEnd: d.sourceEnd,
    })),
  };
  const save = async (d: Draft) => {
    setSaving(true);
    setError(null);
    try {
      const { title, kind, heldOn, organizer, presiders, speakers, attendees, studied, directives } = d;
      await api.patch(`/api/meetings/${m.id}`, {
        title,
        kind,
        heldOn,
        organizer,
        presiders,
        speakers,
        attendees,
        studied,
        directives,
        version: m.version,
      });
      message.success(t("common.saved"));
      await queryClient.invalidateQueries();
      navigate(`/meetings/${m.id}`);
    } catch (e) {
      setError(
        e instanceof ApiError ? e.fields.map((f) => `${f.field}: ${f.message}`).join("; ") || e.message : t("error.network"),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <DraftReview
      key={m.version}
      initial={initial}
      duplicateOf={null}
      busy={saving}
      error={error}
      onConfirm={save}
      confirmLabel={t("common.save")}
    />
  );
}
