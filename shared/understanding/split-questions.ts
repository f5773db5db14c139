/**
 * Splits one line into the questions it asks, in order: at sentence punctuation, at connectives
 * (还有, 另外, 同埋, 顺便问一下 …) and after a question particle that is followed by more text.
 */
// 还有 before a quantity or 没 is "still have" (账户里还有多少钱, 还有没有房), not "and also".
const SEPARATORS =
  /[？?！!。；;，,、\n\s]+|还有就是|还有(?!多少|几|没|吗|剩)|另外|以及|同埋|顺便问一下|顺便问下|顺便问|再问一下|再问下|对了|此外|然后呢|然后|并且|而且/;
const AFTER_PARTICLE = /(?<=[吗呢])(?=\p{Script=Han}{2,})/u;

export function splitQuestions(text: string): string[] {
  return text
    .split(SEPARATORS)
    .flatMap((part) => part.split(AFTER_PARTICLE))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Words that make a clause a question rather than a remark (`我看过样板间了`). */
const QUESTION_MARKERS =
  /[吗呢?？]|多少|多久|多长|何时|什么|怎么|怎样|哪|几|谁|多远|多大|多高|是不是|有没有|能不能|是否|可以|能否|方便|不方便|够不够|如何|咋|啥|(\p{Script=Han})(不|没)\1|有没|了没|(没有|没)$|还是(?!想|要|觉得|得)|\p{Script=Han}不$/u;

export function looksLikeQuestion(clause: string): boolean {
  // A bare noun phrase (`首付比例`, `物业费`) is asked too; a remark names the speaker or a deed.
  return QUESTION_MARKERS.test(clause) || ([...clause].length <= 6 && !/[我了过]/.test(clause));
}

/** A clause that asks in so many words (a question word or particle), not by being short. */
export function asksExplicitly(clause: string): boolean {
  return QUESTION_MARKERS.test(clause);
}
