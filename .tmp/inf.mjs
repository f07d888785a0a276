import nlp from 'compromise';
const m = nlp.methods().two.transform.verb; const model = nlp.model();
for (const w of ['agreed','signed','hosted','built','emphasized','regards','reflects','fits']) console.log(w, m.toInfinitive(w, model, /s$/.test(w)?'PresentTense':'PastTense'), nlp(w).verbs().toInfinitive().text());
