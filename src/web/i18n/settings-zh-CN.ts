export const settingsZhCN = {
  "nav.lightSettings": "亮灯规则",
  "lightSettings.intro":
    "每项办理中的任务按完成时限、进度和进展报送情况自动亮灯。下面的阈值适用于全部任务，保存后所有任务立即按新规则重新亮灯；督查室仍可对单项任务人工调整灯色并说明理由。",
  "lightSettings.redRule": "已超过完成时限仍未申请办结，或进度落后于时间进度 {serious} 个百分点以上。",
  "lightSettings.yellowRule":
    "距完成时限 {near} 天以内且进度落后 {behind} 个百分点以上，或报送周期结束 {grace} 天后仍未报送进展。",
  "lightSettings.greenRule": "按计划推进。",
  "lightSettings.nearDays": "临近完成时限（天）",
  "lightSettings.behindPoints": "进度滞后（百分点）",
  "lightSettings.seriouslyBehindPoints": "进度严重滞后（百分点）",
  "lightSettings.reportGraceDays": "报送宽限（天）",
  "lightSettings.days": "天",
  "lightSettings.points": "个百分点",
  "lightSettings.default": "默认值：{value}",
  "lightSettings.restore": "恢复默认值",
  "lightSettings.confirm": "保存新的亮灯规则？",
  "lightSettings.confirmHelp": "所有办理中任务的灯色将按新规则重新计算。",
  "lightSettings.saved": "已保存，灯色已重新计算",
  "lightSettings.readOnly": "亮灯规则由系统管理员设置，您可以查看。",
};
