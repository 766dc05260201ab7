import type { settingsZhCN } from "./settings-zh-CN.js";

export const settingsEn: Record<keyof typeof settingsZhCN, string> = {
  "nav.lightSettings": "Light rules",
  "lightSettings.intro":
    "Every running task gets its light from its deadline, its progress and whether its reports are in. These thresholds hold for all tasks; saving recomputes every light at once. An office may still override one task's light, with a reason.",
  "lightSettings.redRule":
    "Past its deadline without a completion request, or more than {serious} points behind the time elapsed.",
  "lightSettings.yellowRule":
    "Within {near} days of its deadline and more than {behind} points behind, or a report still missing {grace} days after its period ended.",
  "lightSettings.greenRule": "On track.",
  "lightSettings.nearDays": "Deadline is near (days)",
  "lightSettings.behindPoints": "Behind (points)",
  "lightSettings.seriouslyBehindPoints": "Seriously behind (points)",
  "lightSettings.reportGraceDays": "Grace for reports (days)",
  "lightSettings.days": "days",
  "lightSettings.points": "points",
  "lightSettings.default": "Default: {value}",
  "lightSettings.restore": "Restore defaults",
  "lightSettings.confirm": "Save the new light rules?",
  "lightSettings.confirmHelp": "The light of every running task will be recomputed under them.",
  "lightSettings.saved": "Saved; lights recomputed",
  "lightSettings.readOnly": "The light rules are set by an administrator; you can read them.",
};
