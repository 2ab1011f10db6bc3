// Texts of engaging an agent on a deal, kept beside the main tables so each stays a readable size.
export const engageAgentText = {
  'zh-CN': {
    open: '委托技术经纪人',
    title: '为本交易委托技术经纪人',
    hint: '经纪人将能查看并推进本交易，委托后不能更换。买卖双方都会收到通知。',
    agent: '技术经纪人',
    search: '输入姓名搜索',
    noMatch: '没有找到符合的经纪人',
    required: '请选择一位经纪人',
    done: '已委托 {{name}}',
    error: {
      agent_already_set: '这笔交易已经有经纪人了。页面已刷新，请查看。',
      deal_closed: '交易已结束，不能再委托经纪人。',
      agent_not_found: '这位经纪人已无法委托（账号可能已停用），请另选一位。',
      parties_only: '只有买卖双方机构的成员可以委托经纪人。',
    },
  },
  en: {
    open: 'Engage an agent',
    title: 'Engage a technology-transfer agent on this deal',
    hint: 'The agent will see and advance this deal; once engaged, the agent cannot be replaced. Both parties are notified.',
    agent: 'Agent',
    search: 'Type a name to search',
    noMatch: 'No agent matches',
    required: 'Choose an agent',
    done: '{{name}} is now the agent',
    error: {
      agent_already_set: 'This deal already has an agent. The page has been reloaded to show it.',
      deal_closed: 'The deal is closed; an agent can no longer be engaged.',
      agent_not_found: 'This agent can no longer be engaged (the account may be deactivated). Choose another.',
      parties_only: 'Only members of the selling or buying organisation can engage an agent.',
    },
  },
};
