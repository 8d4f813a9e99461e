/** The title `<Warning>` shows when the author gives none; cards print the same. */
export const DEFAULT_WARNING_TITLE = '当心：这一步做错会造成资金损失';
