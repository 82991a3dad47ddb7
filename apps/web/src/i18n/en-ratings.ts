import type { viRatings } from './vi-ratings.ts';

/** English texts of the satisfaction report, indicator 5.4 and feedback; spread into en.ts. */
export const enRatings: { readonly [K in keyof typeof viRatings]: string } = {
  'nav.satisfaction': 'Satisfaction report',

  'ratings.title': 'Citizen satisfaction',
  'ratings.intro':
    'Citizens’ ratings per unit and period (by the date of the first rating), indicator 5.4 of Decision 766/QĐ-TTg and the complaints waiting for a leader’s answer.',
  'ratings.noUnit': 'Your account has no leader or IOC operator role at any unit.',
  'ratings.levels': 'Ratings by level',
  'ratings.unit': 'Unit',
  'ratings.count': 'Ratings',
  'ratings.rate': 'Satisfaction rate',
  'ratings.rateNote': 'Satisfaction rate = (very satisfied + satisfied) / ratings.',
  'ratings.total': 'Total',
  'ratings.criteria': 'Ratings by criterion (whole unit)',
  'ratings.criterion': 'Criterion',
  'ratings.indicator': 'Indicator 5.4: satisfaction with receiving and resolving procedures',
  'ratings.indicatorSummary': '{unit}: {percent}, {points}/{max} points (full points from {target} %).',
  'ratings.indicatorNone': 'No files in the period: indicator 5.4 cannot be computed.',
  'ratings.indicatorNote':
    'Indicator 5.4 = 100 % − (share of overdue files + share of files with a complaint or an unsatisfied rating). Files of the period: received in it, or carried over from before and not yet resolved.',
  'ratings.dossiers': 'Files in the period',
  'ratings.overdue': 'Overdue',
  'ratings.negative': 'With a complaint or unsatisfied',
  'ratings.percent': 'Indicator',
  'ratings.points': 'Points',
  'ratings.feedback': 'Complaints from citizens',
  'ratings.feedbackIntro':
    'A citizen who rates a file “Not satisfied” and writes a comment. The unit’s leaders look into it and answer.',
  'ratings.status': 'Status',
  'ratings.status.open': 'Waiting for an answer',
  'ratings.status.answered': 'Answered',
  'ratings.status.withdrawn': 'Withdrawn by the citizen',
  'ratings.status.all': 'All',
  'ratings.noFeedback': 'No complaints.',
  'ratings.fileCode': 'File {code}',
  'ratings.sentAt': 'Sent at {at}',
  'ratings.currentLevel': 'Current rating: {level}',
  'ratings.comment': 'The citizen’s comment',
  'ratings.answerLabel': 'Your answer',
  'ratings.answerHint': 'At most 4,000 characters.',
  'ratings.answerSend': 'Send the answer',
  'ratings.answerRequired': 'Write the answer.',
  'ratings.answerDone': 'Your answer about file {code} was sent.',
  'ratings.answeredBy': 'Answered by {name} at {at}',
};
