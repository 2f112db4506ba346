/**
 * Names for the demo school's families, by the family's first language: Danish names for most,
 * and names that fit the families whose first language is Arabic, Somali, Ukrainian, Turkish or
 * Urdu, the larger home languages of Danish schools.
 */
export interface NamePool {
  girls: readonly string[];
  boys: readonly string[];
  mothers: readonly string[];
  fathers: readonly string[];
  surnames: readonly string[];
}

export const DANISH_NAMES: NamePool = {
  girls: [
    'Emma', 'Ida', 'Clara', 'Freja', 'Alma', 'Ella', 'Sofia', 'Anna', 'Karla', 'Agnes', 'Laura', 'Olivia', 'Asta', 'Lily', 'Josefine',
    'Nora', 'Mathilde', 'Frida', 'Ellen', 'Marie', 'Liva', 'Esther', 'Alberte', 'Sofie', 'Luna', 'Vigga', 'Isabella', 'Caroline', 'Maja', 'Signe',
  ],
  boys: [
    'William', 'Noah', 'Oscar', 'Lucas', 'Carl', 'Alfred', 'Aksel', 'Valdemar', 'Emil', 'Oliver', 'Arthur', 'Malthe', 'Magnus', 'August',
    'Elias', 'Felix', 'Viggo', 'Theo', 'Villads', 'Frederik', 'Anton', 'Victor', 'Storm', 'Johan', 'Mads', 'Laurits', 'Bertram', 'Otto', 'Albert', 'Sebastian',
  ],
  mothers: [
    'Mette', 'Louise', 'Maria', 'Camilla', 'Line', 'Sarah', 'Julie', 'Anne', 'Christina', 'Katrine', 'Stine', 'Trine', 'Pernille', 'Signe',
    'Maja', 'Cecilie', 'Rikke', 'Helle', 'Tina', 'Susanne', 'Charlotte', 'Lene', 'Marianne', 'Sanne', 'Nanna',
  ],
  fathers: [
    'Lars', 'Martin', 'Thomas', 'Jesper', 'Michael', 'Søren', 'Rasmus', 'Anders', 'Christian', 'Jacob', 'Morten', 'Henrik', 'Kasper',
    'Peter', 'Mads', 'Jonas', 'Nikolaj', 'Jens', 'Mikkel', 'Simon', 'Kristian', 'Brian', 'Kim', 'Niels', 'René',
  ],
  surnames: [
    'Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen',
    'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Østergaard', 'Kjær',
    'Lund', 'Dahl', 'Holm', 'Bach', 'Skov', 'Friis', 'Vestergaard', 'Frederiksen', 'Henriksen', 'Lauridsen', 'Knudsen', 'Mikkelsen',
    'Iversen', 'Jakobsen', 'Eriksen', 'Clausen', 'Søndergaard', 'Bak',
  ],
};

export const NAMES_BY_LANGUAGE: Record<'ar' | 'so' | 'uk' | 'tr' | 'ur', NamePool> = {
  ar: {
    girls: ['Aya', 'Maryam', 'Noor', 'Lina', 'Sara', 'Yasmin', 'Hala'],
    boys: ['Omar', 'Yusuf', 'Adam', 'Ali', 'Karim', 'Zaid'],
    mothers: ['Fatima', 'Layla', 'Rania', 'Huda', 'Samira'],
    fathers: ['Ahmad', 'Mohammed', 'Khalid', 'Hassan', 'Tariq'],
    surnames: ['Al-Hassan', 'Haddad', 'Khalil', 'Nasser', 'Saleh', 'Mansour', 'Darwish', 'Aziz'],
  },
  so: {
    girls: ['Hodan', 'Ayaan', 'Fadumo', 'Sagal', 'Ifrah'],
    boys: ['Abdi', 'Mahad', 'Liban', 'Hamza', 'Guled'],
    mothers: ['Amina', 'Hawa', 'Sahra', 'Khadra'],
    fathers: ['Abdirahman', 'Mohamed', 'Ahmed', 'Farah', 'Hassan'],
    surnames: ['Warsame', 'Abdi', 'Farah', 'Ali', 'Hussein', 'Jama', 'Osman', 'Yusuf'],
  },
  uk: {
    girls: ['Sofiia', 'Anastasiia', 'Daryna', 'Solomiia', 'Veronika'],
    boys: ['Maksym', 'Artem', 'Oleksandr', 'Bohdan', 'Danylo'],
    mothers: ['Olena', 'Iryna', 'Tetiana', 'Natalia', 'Oksana'],
    fathers: ['Andrii', 'Serhii', 'Dmytro', 'Volodymyr', 'Oleh'],
    surnames: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Kravchenko', 'Boiko', 'Marchenko'],
  },
  tr: {
    girls: ['Elif', 'Zeynep', 'Defne', 'Ecrin', 'Azra'],
    boys: ['Emir', 'Yusuf', 'Mert', 'Kerem', 'Eymen'],
    mothers: ['Ayşe', 'Emine', 'Fatma', 'Hatice', 'Songül'],
    fathers: ['Mehmet', 'Mustafa', 'Hüseyin', 'Murat', 'Kemal'],
    surnames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk'],
  },
  ur: {
    girls: ['Ayesha', 'Hira', 'Mahnoor', 'Zainab', 'Iqra'],
    boys: ['Ahmed', 'Hamza', 'Bilal', 'Zain', 'Rayan'],
    mothers: ['Nadia', 'Saima', 'Asma', 'Rubina', 'Farah'],
    fathers: ['Imran', 'Kashif', 'Asif', 'Tariq', 'Naveed'],
    surnames: ['Khan', 'Hussain', 'Butt', 'Malik', 'Chaudhry', 'Iqbal', 'Raza', 'Qureshi'],
  },
};

export const VEJLE_STREETS = [
  'Nørregade', 'Søndergade', 'Vestergade', 'Dæmningen', 'Strandgade', 'Grejsdalsvej', 'Boulevarden', 'Horsensvej', 'Hældagervej',
  'Bredballe Byvej', 'Sønderåsen', 'Dalhaven', 'Jellingvej', 'Skyttehusvej', 'Flegborg', 'Fredericiavej', 'Ibæk Strandvej',
  'Petersmindevej', 'Kirkebakken', 'Solbakken',
];
