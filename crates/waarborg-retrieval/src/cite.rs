//! Grounded prompts and citations for generative backends. This crate generates no text: it
//! writes the prompt that tells a model to answer only from numbered passages, and reads back
//! which passages the answer cites.

use waarborg_models::{ChatMessage, ChatRole, Passage};

/// The instruction every generative answer gets (Dutch: the users and documents are Dutch).
pub const GROUNDED_INSTRUCTION: &str = "Je bent een assistent van een Nederlandse overheidsorganisatie. \
Beantwoord de vraag uitsluitend met informatie uit de genummerde bronnen hieronder. \
Verwijs na elke bewering naar de bron met haar nummer tussen blokhaken, bijvoorbeeld [1]. \
Staat het antwoord niet in de bronnen, zeg dan dat je het niet weet. Verzin niets.";

/// The messages for a grounded answer to `question` from `passages` (numbered from 1).
pub fn grounded_messages(question: &str, passages: &[Passage]) -> Vec<ChatMessage> {
    let mut sources = String::new();
    for (i, p) in passages.iter().enumerate() {
        sources.push_str(&format!("[{}] {}\n{}\n\n", i + 1, p.title, p.text.trim()));
    }
    vec![
        ChatMessage::new(ChatRole::System, GROUNDED_INSTRUCTION),
        ChatMessage::new(ChatRole::User, format!("Bronnen:\n\n{sources}Vraag: {question}")),
    ]
}

/// The 0-based indexes of the passages `answer` cites as `[n]` (also `[1, 2]` and `[1][3]`),
/// each once, in order of first citation; numbers outside `1..=passages` are ignored.
pub fn cited(answer: &str, passages: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = answer;
    while let Some(open) = rest.find('[') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find(']') else { break };
        let inside = &rest[..close];
        if inside.chars().all(|c| c.is_ascii_digit() || c == ',' || c == ' ') {
            for n in inside.split(',').filter_map(|n| n.trim().parse::<usize>().ok()) {
                if (1..=passages).contains(&n) && !out.contains(&(n - 1)) {
                    out.push(n - 1);
                }
            }
        }
        rest = &rest[close + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_are_read_once_in_order_and_bounded() {
        assert_eq!(cited("Het kost 50 euro [2]. U betaalt online [1, 2][3] en [9] [x].", 3), vec![1, 0, 2]);
        assert!(cited("Geen bronnen.", 3).is_empty());
        assert!(cited("[0] [", 3).is_empty());
    }

    #[test]
    fn the_prompt_numbers_the_passages() {
        let p = vec![Passage { source: "a".into(), title: "Afval".into(), text: "Maandag.".into(), score: 1.0 }];
        let m = grounded_messages("Wanneer?", &p);
        assert_eq!(m.len(), 2);
        assert!(m[1].content.contains("[1] Afval\nMaandag."));
        assert!(m[1].content.ends_with("Vraag: Wanneer?"));
    }
}
